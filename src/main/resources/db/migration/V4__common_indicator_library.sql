-- 共性绩效指标库: the common-indicator categories and the indicators offered for each when a unit drafts its goals.
insert into indicator_category (code, name, sort_order) values
  ('MEETING',           '会议',       10),
  ('TRAINING',          '培训',       20),
  ('ASSET_PURCHASE',    '资产购置',   30),
  ('ASSET_MAINTENANCE', '资产维护',   40),
  ('IT_OPERATIONS',     '信息化运维', 50),
  ('RESEARCH',          '课题研究',   60),
  ('PUBLICITY',         '宣传',       70),
  ('SUBSIDY',           '补助补贴',   80);

-- 会议
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('MEETING-01', 'MEETING', 'OUTPUT', 'QUANTITY', '会议召开次数', 'GE', 2, null, '次', '按年度计划实际召开的会议场次计算。', 10),
  ('MEETING-02', 'MEETING', 'OUTPUT', 'QUANTITY', '参会人数', 'GE', 100, null, '人次', null, 20),
  ('MEETING-03', 'MEETING', 'OUTPUT', 'QUALITY', '参会人员出席率', 'GE', 95, null, '%', '实际出席人数÷应出席人数×100%。', 30),
  ('MEETING-04', 'MEETING', 'OUTPUT', 'TIMELINESS', '会议按期召开率', 'EQ', 100, null, '%', '按计划时间召开的会议次数÷计划召开会议次数×100%。', 40),
  ('MEETING-05', 'MEETING', 'OUTPUT', 'COST', '会议费支出控制率', 'LE', 100, null, '%', '会议费实际支出÷会议费预算×100%，不得超过预算。', 50),
  ('MEETING-06', 'MEETING', 'OUTPUT', 'COST', '人均会议综合定额', 'LE', 550, null, '元/人·天', '按本级会议费管理办法规定的综合定额标准填写。', 60),
  ('MEETING-07', 'MEETING', 'EFFECT', 'SOCIAL', '会议精神传达落实率', 'GE', 95, null, '%', null, 70),
  ('MEETING-08', 'MEETING', 'EFFECT', 'SUSTAINABLE', '会议议定事项跟踪落实机制', 'QUALITATIVE', null, '健全有效', null, null, 80),
  ('MEETING-09', 'MEETING', 'SATISFACTION', 'SERVICE_SATISFACTION', '参会人员满意度', 'GE', 90, null, '%', '通过问卷调查，满意及基本满意人数÷有效问卷数×100%。', 90);

-- 培训
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('TRAINING-01', 'TRAINING', 'OUTPUT', 'QUANTITY', '培训人次', 'GE', 200, null, '人次', null, 10),
  ('TRAINING-02', 'TRAINING', 'OUTPUT', 'QUANTITY', '培训班次', 'GE', 4, null, '期', '按年度培训计划实际举办的培训班期数计算。', 20),
  ('TRAINING-03', 'TRAINING', 'OUTPUT', 'QUALITY', '培训合格率', 'GE', 95, null, '%', '考核合格人数÷参训人数×100%。', 30),
  ('TRAINING-04', 'TRAINING', 'OUTPUT', 'QUALITY', '参训率', 'GE', 95, null, '%', '实际参训人数÷应参训人数×100%。', 40),
  ('TRAINING-05', 'TRAINING', 'OUTPUT', 'TIMELINESS', '培训完成及时率', 'EQ', 100, null, '%', '按计划时间完成的培训班次÷计划培训班次×100%。', 50),
  ('TRAINING-06', 'TRAINING', 'OUTPUT', 'COST', '人均培训成本', 'LE', 450, null, '元/人·天', '按本级培训费管理办法规定的综合定额标准填写。', 60),
  ('TRAINING-07', 'TRAINING', 'EFFECT', 'SOCIAL', '参训人员业务能力', 'QUALITATIVE', null, '有效提升', null, null, 70),
  ('TRAINING-08', 'TRAINING', 'EFFECT', 'SUSTAINABLE', '培训成果转化应用', 'QUALITATIVE', null, '长期有效', null, null, 80),
  ('TRAINING-09', 'TRAINING', 'SATISFACTION', 'SERVICE_SATISFACTION', '参训人员满意度', 'GE', 90, null, '%', null, 90);

-- 资产购置
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('ASSET_PURCHASE-01', 'ASSET_PURCHASE', 'OUTPUT', 'QUANTITY', '购置设备数量', 'GE', 10, null, '台（套）', '按采购合同约定的数量填写。', 10),
  ('ASSET_PURCHASE-02', 'ASSET_PURCHASE', 'OUTPUT', 'QUALITY', '验收合格率', 'EQ', 100, null, '%', '验收合格的资产数量÷购置资产数量×100%。', 20),
  ('ASSET_PURCHASE-03', 'ASSET_PURCHASE', 'OUTPUT', 'QUALITY', '资产登记入账率', 'EQ', 100, null, '%', null, 30),
  ('ASSET_PURCHASE-04', 'ASSET_PURCHASE', 'OUTPUT', 'TIMELINESS', '采购按期完成率', 'EQ', 100, null, '%', null, 40),
  ('ASSET_PURCHASE-05', 'ASSET_PURCHASE', 'OUTPUT', 'COST', '采购成本节约率', 'GE', 3, null, '%', '（采购预算金额－合同金额）÷采购预算金额×100%。', 50),
  ('ASSET_PURCHASE-06', 'ASSET_PURCHASE', 'OUTPUT', 'COST', '资产配置标准执行率', 'EQ', 100, null, '%', '数量和单价符合资产配置标准的资产数÷购置资产数×100%。', 60),
  ('ASSET_PURCHASE-07', 'ASSET_PURCHASE', 'EFFECT', 'SOCIAL', '资产使用率', 'GE', 95, null, '%', '投入使用的资产数量÷购置资产数量×100%。', 70),
  ('ASSET_PURCHASE-08', 'ASSET_PURCHASE', 'EFFECT', 'SUSTAINABLE', '设备使用年限', 'GE', 6, null, '年', null, 80),
  ('ASSET_PURCHASE-09', 'ASSET_PURCHASE', 'SATISFACTION', 'SERVICE_SATISFACTION', '使用人员满意度', 'GE', 90, null, '%', null, 90);

-- 资产维护
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('ASSET_MAINTENANCE-01', 'ASSET_MAINTENANCE', 'OUTPUT', 'QUANTITY', '维修维护设备数量', 'GE', 50, null, '台（套）', null, 10),
  ('ASSET_MAINTENANCE-02', 'ASSET_MAINTENANCE', 'OUTPUT', 'QUANTITY', '维修维护房屋面积', 'GE', 1000, null, '平方米', '按维修合同或结算资料确认的面积填写。', 20),
  ('ASSET_MAINTENANCE-03', 'ASSET_MAINTENANCE', 'OUTPUT', 'QUALITY', '维修维护验收合格率', 'EQ', 100, null, '%', null, 30),
  ('ASSET_MAINTENANCE-04', 'ASSET_MAINTENANCE', 'OUTPUT', 'QUALITY', '设备完好率', 'GE', 95, null, '%', '完好设备数÷设备总数×100%。', 40),
  ('ASSET_MAINTENANCE-05', 'ASSET_MAINTENANCE', 'OUTPUT', 'TIMELINESS', '故障维修及时率', 'GE', 95, null, '%', '在规定时限内完成维修的故障次数÷故障总次数×100%。', 50),
  ('ASSET_MAINTENANCE-06', 'ASSET_MAINTENANCE', 'OUTPUT', 'COST', '维修维护费用控制率', 'LE', 100, null, '%', null, 60),
  ('ASSET_MAINTENANCE-07', 'ASSET_MAINTENANCE', 'EFFECT', 'SOCIAL', '保障单位正常运转', 'QUALITATIVE', null, '有效保障', null, null, 70),
  ('ASSET_MAINTENANCE-08', 'ASSET_MAINTENANCE', 'EFFECT', 'SUSTAINABLE', '资产使用寿命', 'QUALITATIVE', null, '有效延长', null, null, 80),
  ('ASSET_MAINTENANCE-09', 'ASSET_MAINTENANCE', 'SATISFACTION', 'SERVICE_SATISFACTION', '使用人员满意度', 'GE', 90, null, '%', null, 90);

-- 信息化运维
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('IT_OPERATIONS-01', 'IT_OPERATIONS', 'OUTPUT', 'QUANTITY', '运维信息系统数量', 'GE', 5, null, '个', null, 10),
  ('IT_OPERATIONS-02', 'IT_OPERATIONS', 'OUTPUT', 'QUALITY', '系统正常运行率', 'GE', 99, null, '%', '（考核期总时长－故障停机时长）÷考核期总时长×100%。', 20),
  ('IT_OPERATIONS-03', 'IT_OPERATIONS', 'OUTPUT', 'QUALITY', '信息安全事件发生次数', 'LE', 0, null, '次', '指因运维原因导致的数据泄露、系统瘫痪等安全事件。', 30),
  ('IT_OPERATIONS-04', 'IT_OPERATIONS', 'OUTPUT', 'TIMELINESS', '故障响应时间', 'LE', 2, null, '小时', '自接到报障至运维人员响应处理的时间。', 40),
  ('IT_OPERATIONS-05', 'IT_OPERATIONS', 'OUTPUT', 'TIMELINESS', '故障修复及时率', 'GE', 95, null, '%', null, 50),
  ('IT_OPERATIONS-06', 'IT_OPERATIONS', 'OUTPUT', 'COST', '运维服务费', 'LE', 50, null, '万元', '按运维合同金额及运维服务费标准核定。', 60),
  ('IT_OPERATIONS-07', 'IT_OPERATIONS', 'EFFECT', 'SOCIAL', '业务工作信息化支撑能力', 'QUALITATIVE', null, '有效提升', null, null, 70),
  ('IT_OPERATIONS-08', 'IT_OPERATIONS', 'EFFECT', 'SUSTAINABLE', '系统持续稳定运行', 'QUALITATIVE', null, '长期稳定', null, null, 80),
  ('IT_OPERATIONS-09', 'IT_OPERATIONS', 'SATISFACTION', 'SERVICE_SATISFACTION', '系统使用人员满意度', 'GE', 90, null, '%', null, 90);

-- 课题研究
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('RESEARCH-01', 'RESEARCH', 'OUTPUT', 'QUANTITY', '形成研究报告数量', 'GE', 1, null, '篇', null, 10),
  ('RESEARCH-02', 'RESEARCH', 'OUTPUT', 'QUANTITY', '发表论文数量', 'GE', 2, null, '篇', '以公开发表或录用通知为准。', 20),
  ('RESEARCH-03', 'RESEARCH', 'OUTPUT', 'QUALITY', '课题结题验收通过率', 'EQ', 100, null, '%', null, 30),
  ('RESEARCH-04', 'RESEARCH', 'OUTPUT', 'QUALITY', '专家评审等次', 'QUALITATIVE', null, '良好及以上', null, '以课题结题评审的专家意见为准。', 40),
  ('RESEARCH-05', 'RESEARCH', 'OUTPUT', 'TIMELINESS', '课题按期结题率', 'EQ', 100, null, '%', '按任务书约定时间结题的课题数÷课题总数×100%。', 50),
  ('RESEARCH-06', 'RESEARCH', 'OUTPUT', 'COST', '课题研究经费', 'LE', 20, null, '万元', '不超过课题任务书核定的经费额度。', 60),
  ('RESEARCH-07', 'RESEARCH', 'EFFECT', 'SOCIAL', '研究成果采纳应用率', 'GE', 80, null, '%', '被决策部门采纳、批示或应用的成果数÷成果总数×100%。', 70),
  ('RESEARCH-08', 'RESEARCH', 'EFFECT', 'SUSTAINABLE', '为决策提供参考依据', 'QUALITATIVE', null, '有效支撑', null, null, 80),
  ('RESEARCH-09', 'RESEARCH', 'SATISFACTION', 'SERVICE_SATISFACTION', '委托单位满意度', 'GE', 90, null, '%', null, 90);

-- 宣传
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('PUBLICITY-01', 'PUBLICITY', 'OUTPUT', 'QUANTITY', '宣传活动次数', 'GE', 4, null, '次', null, 10),
  ('PUBLICITY-02', 'PUBLICITY', 'OUTPUT', 'QUANTITY', '宣传材料印发数量', 'GE', 5000, null, '份', null, 20),
  ('PUBLICITY-03', 'PUBLICITY', 'OUTPUT', 'QUANTITY', '媒体宣传报道数量', 'GE', 10, null, '篇', '含报刊、电视、网站及新媒体平台发布的报道。', 30),
  ('PUBLICITY-04', 'PUBLICITY', 'OUTPUT', 'QUALITY', '宣传内容准确率', 'EQ', 100, null, '%', '经审核无差错的宣传品数÷宣传品总数×100%。', 40),
  ('PUBLICITY-05', 'PUBLICITY', 'OUTPUT', 'TIMELINESS', '宣传活动按期完成率', 'EQ', 100, null, '%', null, 50),
  ('PUBLICITY-06', 'PUBLICITY', 'OUTPUT', 'COST', '单次宣传活动平均成本', 'LE', 2, null, '万元', '宣传费用实际支出÷宣传活动次数。', 60),
  ('PUBLICITY-07', 'PUBLICITY', 'EFFECT', 'SOCIAL', '宣传覆盖人次', 'GE', 10000, null, '人次', '含现场参与人数及线上阅读、观看人次。', 70),
  ('PUBLICITY-08', 'PUBLICITY', 'EFFECT', 'SOCIAL', '政策知晓率', 'GE', 80, null, '%', '通过抽样调查，知晓相关政策的受访者人数÷受访者总数×100%。', 80),
  ('PUBLICITY-09', 'PUBLICITY', 'SATISFACTION', 'SERVICE_SATISFACTION', '社会公众满意度', 'GE', 85, null, '%', null, 90);

-- 补助补贴
insert into common_indicator (code, category, level1, level2, name, comparator, target_value, target_text, unit, guidance, sort_order) values
  ('SUBSIDY-01', 'SUBSIDY', 'OUTPUT', 'QUANTITY', '补助对象数量', 'GE', 1000, null, '人（户）', null, 10),
  ('SUBSIDY-02', 'SUBSIDY', 'OUTPUT', 'QUALITY', '补助对象认定准确率', 'EQ', 100, null, '%', '符合条件的补助对象数÷实际补助对象数×100%。', 20),
  ('SUBSIDY-03', 'SUBSIDY', 'OUTPUT', 'QUALITY', '补助资金足额发放率', 'EQ', 100, null, '%', '实际发放金额÷应发放金额×100%。', 30),
  ('SUBSIDY-04', 'SUBSIDY', 'OUTPUT', 'TIMELINESS', '补助资金发放及时率', 'EQ', 100, null, '%', '在规定时限内发放到位的资金÷应发放资金×100%。', 40),
  ('SUBSIDY-05', 'SUBSIDY', 'OUTPUT', 'COST', '人均补助标准', 'EQ', 1200, null, '元/人', '按政策文件规定的补助标准填写。', 50),
  ('SUBSIDY-06', 'SUBSIDY', 'EFFECT', 'ECONOMIC', '补助对象收入水平', 'QUALITATIVE', null, '稳步提高', null, null, 60),
  ('SUBSIDY-07', 'SUBSIDY', 'EFFECT', 'SOCIAL', '政策知晓率', 'GE', 90, null, '%', null, 70),
  ('SUBSIDY-08', 'SUBSIDY', 'EFFECT', 'SUSTAINABLE', '政策效果可持续性', 'QUALITATIVE', null, '长期有效', null, null, 80),
  ('SUBSIDY-09', 'SUBSIDY', 'SATISFACTION', 'SERVICE_SATISFACTION', '补助对象满意度', 'GE', 90, null, '%', '通过问卷或电话抽样调查，满意及基本满意人数÷有效样本数×100%。', 90);
