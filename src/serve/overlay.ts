// The error overlay of `npm start`: while the last change has errors, open pages show them over the page.

/** The overlay's element id. */
export const OVERLAY_ID = "duet-diagnostics";

/**
 * Part of the live-reload script: `showDiagnostics(lines)` puts the lines over the page, or takes the
 * overlay away when there are none. File names and messages come from the sources, so they are set as
 * text, never as HTML; styles are set through the DOM because the pages' CSP refuses inline style.
 */
export const OVERLAY_SCRIPT = `const showDiagnostics = (lines) => {
  document.getElementById("${OVERLAY_ID}")?.remove();
  if (!Array.isArray(lines) || lines.length === 0) return;
  const box = document.createElement("section");
  box.id = "${OVERLAY_ID}";
  box.setAttribute("role", "alert");
  Object.assign(box.style, {
    position: "fixed", inset: "auto 0 0 0", zIndex: "2147483647", maxHeight: "60vh", overflow: "auto",
    margin: "0", padding: "12px 16px", background: "#2b0b0b", color: "#fff", borderTop: "4px solid #e5484d",
    font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", textAlign: "left",
  });
  const title = document.createElement("p");
  title.textContent = "The last change has errors; this page shows the site from before it.";
  Object.assign(title.style, { margin: "0 0 8px", fontWeight: "bold" });
  box.append(title);
  for (const line of lines) {
    const item = document.createElement("pre");
    item.textContent = String(line);
    Object.assign(item.style, { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" });
    box.append(item);
  }
  document.body.append(box);
};
`;
