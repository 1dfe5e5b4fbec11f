/** The Chinese messages of the dashboard's district map. */
export const zhMap = {
  'map.figure': '着色指标',
  'map.figure.startRate': '开复工率',
  'map.figure.completionRate': '投资完成率',
  'map.figure.projects': '项目数',
  'map.figure.warnings': '预警数',
  'map.noData': '无项目',
  'map.zone': '功能区（无边界）',
  'map.own': '本区县',
  'map.tip.projects': '重点项目 {count} 个',
  'map.tip.started': '开复工 {count} 个（{rate}）',
  'map.tip.completed': '完成投资 {amount} 亿元（{rate}）',
  'map.tip.warnings': '预警 红 {red} · 黄 {yellow}',
  'map.tip.click': '点击查看项目清单',
  'map.legend': '圆点为项目，越大总投资越多；点击区县或功能区查看其项目清单，点击圆点查看项目。',
  'map.unlocated': '{count} 个项目未标注坐标，未在图上显示。',
  'map.noBoundaryAdmin': '本市暂无区县边界数据，项目按坐标显示在空白底图上；边界文件的添加方法见部署说明。',
} as const;
