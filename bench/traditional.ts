// Simplified → Traditional Chinese for the characters of the headline vocabulary (one-to-one in these words).

/**
 * Pairs as "简繁" runs. Characters whose Traditional form depends on the word (后 后/後, 游 游/遊, 系, 台, 面,
 * 范, 准, 制, 松, 才, 托) are left out, so every converted headline word is right.
 */
const PAIRS = `
专專 业業 东東 丰豐 临臨 丽麗 举舉 义義 乌烏 乐樂 习習 乡鄉 书書 云雲 亚亞 产產 仪儀 价價 众眾 优優 会會 传傳
体體 储儲 儿兒 兰蘭 关關 兴興 养養 农農 减減 划劃 创創 办辦 务務 动動 区區 医醫 华華 协協 单單 卫衛 厂廠
历歷 压壓 厦廈 双雙 发發 变變 叶葉 号號 启啟 员員 团團 园園 国國 图圖 场場 坛壇 声聲 处處 备備 复復 头頭
奥奧 婴嬰 学學 宁寧 宝寶 实實 宾賓 对對 导導 将將 尔爾 层層 岗崗 岛島 币幣 师師 带帶 广廣 庄莊 庆慶 库庫
应應 开開 异異 强強 态態 总總 户戶 扩擴 扬揚 护護 担擔 拟擬 拥擁 换換 据據 数數 无無 旧舊 术術 机機 来來
构構 标標 树樹 样樣 桥橋 桩樁 楼樓 欧歐 毕畢 气氣 氢氫 汉漢 沈瀋 洁潔 测測 济濟 涝澇 渔漁 温溫 湿濕 满滿
滨濱 潍濰 灯燈 点點 烟煙 热熱 环環 电電 疗療 监監 础礎 种種 积積 税稅 稳穩 竞競 筛篩 筹籌 签簽 篮籃 类類
粮糧 紧緊 约約 级級 线線 练練 终終 绍紹 经經 结結 绕繞 络絡 统統 绪緒 续續 绵綿 综綜 绿綠 缓緩 缮繕 网網
职職 联聯 艺藝 节節 芜蕪 苏蘇 药藥 获獲 营營 萨薩 虚虛 补補 装裝 见見 规規 览覽 计計 训訓 议議 论論 设設
证證 评評 诊診 试試 请請 课課 调調 负負 货貨 质質 购購 贴貼 贵貴 贸貿 费費 赁賃 资資 赛賽 赣贛 车車 转轉
轮輪 软軟 轻輕 输輸 达達 运運 进進 连連 遗遺 郑鄭 采採 钟鐘 铁鐵 银銀 链鏈 锡錫 镇鎮 长長 门門 问問 间間
阳陽 际際 险險 难難 韧韌 顶頂 项項 领領 题題 风風 馆館 马馬 驶駛 驾駕 验驗 鲁魯 鸟鳥 鸡雞 齐齊 龙龍 广廣
么麼 亿億 仓倉 们們 众眾 侨僑 债債 伤傷 劳勞 势勢 卖賣 纪紀 织織 组組 细細 给給 维維 编編 罚罰 视視
`;

/** Simplified character → Traditional character. */
export const SIMPLIFIED_TO_TRADITIONAL: ReadonlyMap<string, string> = new Map(
  PAIRS.split(/\s+/)
    .filter((pair) => pair.length === 2)
    .map((pair) => [pair[0] as string, pair[1] as string]),
);

/** Writes `text` in Traditional characters where the table knows them; other characters are kept. */
export function toTraditional(text: string): string {
  let out = "";
  for (const char of text) out += SIMPLIFIED_TO_TRADITIONAL.get(char) ?? char;
  return out;
}
