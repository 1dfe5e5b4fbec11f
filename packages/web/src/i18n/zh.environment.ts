/** The Chinese messages of the running environment: the demo banner shown on every page. */
export const zhEnvironment = {
  'env.demoBanner': '演示环境 · 数据为模拟',
  'env.demoBannerHint': '本系统当前为演示环境，所列项目、单位、账号及数据均为模拟生成，不代表真实情况。',
};
