import { list, num, type RumorKind } from './rumorKind.js';

/** Chinese cities; a long list keeps otherwise-identical rumors apart at 100k claims. */
export const ZH_PLACES = [
  '北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '武汉', '成都', '重庆', '西安', '长沙', '郑州',
  '济南', '青岛', '天津', '沈阳', '大连', '哈尔滨', '长春', '石家庄', '太原', '合肥', '南昌', '福州',
  '厦门', '南宁', '昆明', '贵阳', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨', '呼和浩特', '海口', '三亚',
  '宁波', '温州', '无锡', '常州', '徐州', '扬州', '绍兴', '佛山', '东莞', '珠海', '中山', '惠州', '汕头',
  '泉州', '洛阳', '开封', '宜昌', '襄阳', '岳阳', '株洲', '桂林', '绵阳', '遵义', '大理', '丽江', '香港',
  '澳门', '台北', '台中', '高雄', '新竹', '台南', '吉隆坡', '新加坡', '槟城',
] as const;

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日', '明天', '后天'] as const;

const cure: RumorKind = {
  name: 'cure',
  tags: ['health', 'miracle-cure'],
  slots: {
    remedy: list([
      '喝柠檬水', '吃生大蒜', '喝淡盐水', '喝醋泡黑豆', '吃苦瓜', '喝姜汤', '喝绿豆汤', '吃洋葱', '喝蜂蜜水',
      '喝小苏打水', '吃香蕉皮', '喝隔夜茶', '吃生鸡蛋', '喝白酒', '吃烤橘子', '喝莲藕汤', '吃木瓜籽',
      '喝玉米须水', '吃红薯叶', '喝芹菜汁', '吃黑木耳', '喝陈皮水', '泡脚加醋', '喝板蓝根',
    ]),
    dose: list(['每天早上空腹', '每晚睡前', '一天三次', '饭后', '连续一周', '每天坚持']),
    disease: list([
      '糖尿病', '高血压', '流感', '癌症', '肾结石', '登革热', '新冠', '哮喘', '关节炎', '偏头痛', '肝炎',
      '痛风', '失眠', '甲状腺结节', '脂肪肝', '肺炎', '白内障', '胃溃疡', '湿疹', '禽流感',
    ]),
    n: num(2, 14),
    authority: list(['医生', '专家', '老中医', '科学家', '卫健委', '教授', '护士长', '退休院长']),
    place: list(ZH_PLACES),
  },
  frames: [
    '{dose}{remedy}，{n}天就能治好{disease}，{place}{authority}证实',
    '{place}{authority}承认：{remedy}能在{n}天内根治{disease}',
    '{dose}{remedy}，{n}天{disease}全好了，医院都不告诉你',
    '{authority}说{remedy}比药还管用，{disease}{n}天见效',
  ],
  refutation: '没有证据表明{remedy}能治疗{disease}，请遵医嘱规范治疗。',
  headline: '{remedy}不能治{disease}',
};

const contamination: RumorKind = {
  name: 'contamination',
  tags: ['food', 'safety'],
  slots: {
    food: list([
      '方便面', '矿泉水', '速冻饺子', '进口大米', '婴儿奶粉', '金枪鱼罐头', '鸡块', '面包', '西瓜', '鸡蛋',
      '海苔', '珍珠奶茶', '口香糖', '冰淇淋', '酱油', '食用油', '酸奶', '苹果', '冻虾', '香肠', '粉丝',
      '紫菜', '火锅底料', '辣条', '橙子',
    ]),
    store: list([
      '沃尔玛', '家乐福', '超市', '便利店', '夜市', '网店', '菜市场', '小卖部', '永辉', '盒马', '全家', '路边摊',
    ]),
    substance: list([
      '塑料', '甲醛', '老鼠药', '艾滋病血液', '工业石蜡', '芯片', '漂白剂', '铅', '汞', '假橡胶', '纸板',
      '禁用色素', '安眠药', '水泥粉',
    ]),
    harm: list(['肾衰竭', '不孕不育', '脑损伤', '肝癌', '失忆', '失明', '瘫痪', '猝死', '心脏病']),
    n: num(3, 400),
    place: list(ZH_PLACES),
  },
  frames: [
    '{place}{store}卖的{food}含有{substance}，吃了会{harm}',
    '紧急提醒：{food}里发现{substance}，{place}已有{n}人住院',
    '千万别买{store}的{food}，里面有{substance}，{place}已经{n}人{harm}',
  ],
  refutation: '市场监管部门抽检未在{food}中发现{substance}，{place}住院说法不实。',
  headline: '{food}含{substance}系谣言',
};

const policy: RumorKind = {
  name: 'policy',
  tags: ['government', 'law'],
  slots: {
    date: (rng) => `${rng.int(1, 12)}月${rng.int(1, 28)}日`,
    gov: list(['公安局', '税务局', '交警', '卫健委', '社保局', '教育局', '城管', '网信办', '街道办']),
    penalty: list([
      '罚款五千元', '拘留十天', '封号', '扣养老金', '冻结银行卡', '吊销驾照', '罚款两百元', '记入征信', '强制上课',
    ]),
    behavior: list([
      '晚上发语音', '转发政治图片', '在家存现金', '使用VPN', '喂流浪猫', '阳台晾衣服', '群里发红包',
      '开车穿拖鞋', '养两只以上狗', '在网上批评领导', '不参加人口普查', '在朋友圈发定位', '在群里发视频',
      '广场舞超过九点', '私自种菜',
    ]),
    place: list(ZH_PLACES),
  },
  frames: [
    '{date}起{place}{gov}对{behavior}的人一律{penalty}',
    '最新规定：{date}开始，{behavior}要{penalty}，{place}已经执行',
    '{gov}通知，{place}从{date}起{behavior}将被{penalty}',
  ],
  refutation: '{gov}从未发布该规定，{behavior}不会被{penalty}。',
  headline: '{behavior}被{penalty}系谣言',
};

const disaster: RumorKind = {
  name: 'disaster',
  tags: ['weather', 'safety'],
  slots: {
    agency: list(['气象局', '地震局', '美国宇航局', '日本专家', '部队内部', '机场朋友', '联合国', '某大师']),
    disaster: list(['九级地震', '核辐射云', '酸雨', '太阳风暴', '海啸', '毒雾', '超强台风', '陨石雨', '大停电', '毒气泄漏']),
    weekday: list(WEEKDAYS),
    n: num(3, 72),
    place: list(ZH_PLACES),
  },
  frames: [
    '{agency}预测{weekday}{place}将发生{disaster}，{n}小时内不要出门',
    '紧急扩散！{place}{weekday}晚上有{disaster}，{agency}说要关好门窗',
    '{agency}内部消息：{disaster}{weekday}袭击{place}，官方一直在隐瞒',
  ],
  refutation: '{agency}从未发布{place}将有{disaster}的预警。',
  headline: '{place}{disaster}预警系谣言',
};

const giveaway: RumorKind = {
  name: 'giveaway',
  tags: ['scam', 'chain-message'],
  slots: {
    company: list(['苹果', '华为', '小米', '京东', '淘宝', '星巴克', '麦当劳', '可口可乐', '中国移动', '宜家', '耐克', '海底捞']),
    prize: list(['手机', '笔记本电脑', '机票', '购物卡', '汽车', '红包', '运动鞋', '金币', '平板', '流量包', '智能手表']),
    n: num(50, 5000),
    m: num(5, 30),
  },
  frames: [
    '{company}周年庆送出{n}份{prize}，转发到{m}个群就能领取',
    '转发这条消息给{m}个好友，{company}免费送你{prize}',
    '{company}正在免费发放{prize}，名额只有{n}个，分享{m}个群即可',
  ],
  refutation: '{company}没有举办赠送{prize}的活动，链接会窃取个人信息。',
  headline: '{company}送{prize}是骗局',
};

const tech: RumorKind = {
  name: 'tech',
  tags: ['tech', 'chain-message'],
  slots: {
    app: list(['微信', '支付宝', 'QQ', '抖音', '微博', '淘宝', '快手', '钉钉', '小红书', 'WhatsApp', 'LINE']),
    action: list(['转发这条消息', '修改隐私设置', '关闭定位', '发给十个好友', '更换头像', '回复1', '退出所有设备', '把这段话复制到朋友圈']),
    n: num(2, 30),
    weekday: list(WEEKDAYS),
  },
  frames: [
    '{app}从{weekday}开始每月收费{n}元，除非你{action}',
    '{weekday}之前不{action}，{app}就会删除你的账号',
    '{app}官方确认{weekday}起会查看所有聊天记录，赶快{action}',
  ],
  refutation: '{app}官方辟谣：没有收费或查看聊天的计划，{action}没有任何作用。',
  headline: '{app}收费系谣言',
};

const conspiracy: RumorKind = {
  name: 'conspiracy',
  tags: ['health', 'conspiracy'],
  slots: {
    device: list(['5G基站', '新路灯', '智能电表', '风力发电机', '疫苗车', '化学尾迹飞机', 'WiFi路由器', '电动公交', '测速摄像头']),
    effect: list(['传播病毒给', '毒害', '辐射', '伤害', '感染', '监控', '催眠']),
    victims: list(['儿童', '老人', '孕妇', '宠物', '家禽', '学生', '居民', '上夜班的人']),
    n: num(10, 900),
    place: list(ZH_PLACES),
  },
  frames: [
    '{place}的{device}正在{effect}{victims}，本月已有{n}例',
    '专家证实{place}新装的{device}会{effect}{victims}',
    '自从{place}装了{device}，已有{n}个{victims}出事',
  ],
  refutation: '{device}不会伤害{victims}，相关说法没有科学依据。',
  headline: '{device}害人系谣言',
};

const crime: RumorKind = {
  name: 'crime',
  tags: ['crime', 'safety'],
  slots: {
    crime: list(['拐卖儿童', '偷肾', '入室抢劫', '迷晕女性', '偷车', '盗刷银行卡']),
    method: list(['香味名片', '假快递单', '免费电话卡', '迷药糖果', '二维码贴纸', '假慈善', '毒口罩', '婴儿哭声录音', '假警服', '充电宝']),
    n: num(2, 60),
    place: list(ZH_PLACES),
  },
  frames: [
    '{place}有团伙用{method}{crime}，这周已有{n}人受害',
    '{place}警方提醒：有人用{method}{crime}，请转告家人',
    '注意！{place}出现用{method}{crime}的人，已经{n}起了',
  ],
  refutation: '{place}警方未接到用{method}{crime}的报案，系谣言。',
  headline: '{place}{method}{crime}系谣言',
};

/** Every Chinese rumor family the generator draws from. */
export const CHINESE_RUMORS: readonly RumorKind[] = [
  cure, contamination, policy, disaster, giveaway, tech, conspiracy, crime,
];
