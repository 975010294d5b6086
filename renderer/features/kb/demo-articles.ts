/**
 * Realistic knowledge articles for the demo site, the search tests and the FAQ-manual sample.
 * `system` names a system of the demo inventory (settings/demo.ts) by its exact name.
 */
import type { SystemFamily } from '@shared/schemas/core';

export interface DemoArticle {
  title: string;
  family: SystemFamily;
  system: string;
  symptoms: string;
  cause: string;
  steps: string[];
  commands: string;
  tags: string[];
}

export const demoArticles: DemoArticle[] = [
  {
    title: '数据存储剩余空间告警处理',
    family: 'virtualization',
    system: '生产虚拟化集群 PROD-VC01',
    symptoms:
      'vCenter 告警“数据存储使用率超过 85%”（Datastore usage on disk），部分虚拟机因空间不足无法创建快照，严重时虚拟机被挂起（VM paused, no space left）。',
    cause:
      '虚拟机快照长期未删除、日志与 ISO 文件堆积，精简置备（thin provisioning）磁盘持续增长，超出数据存储容量规划。',
    steps: [
      '在 vCenter 中按使用率排序数据存储，确认告警的数据存储及其上的虚拟机。',
      '检查并删除超过 7 天的快照（先与业务方确认），快照合并期间避开交易时段。',
      '清理数据存储浏览器中的孤立 VMDK、旧日志和 ISO 文件。',
      '空间仍不足时，将部分虚拟机 Storage vMotion 到空闲数据存储，或申请扩容 LUN 后扩展 VMFS。',
      '调整告警阈值为 80% 警告 / 90% 严重，并纳入月度巡检。',
    ],
    commands:
      'esxcli storage filesystem list\ndf -h /vmfs/volumes/*\nGet-Datastore | Select Name,FreeSpaceGB,CapacityGB | Sort FreeSpaceGB',
    tags: ['vSphere', '存储', '容量', '告警'],
  },
  {
    title: 'VMware 虚拟机快照堆积清理（需要合并磁盘）',
    family: 'virtualization',
    system: '生产虚拟化集群 PROD-VC01',
    symptoms:
      '虚拟机摘要页提示“需要合并虚拟机磁盘”（Virtual machine disks consolidation is needed），快照管理器中看不到快照但数据存储上存在大量 -000001.vmdk 增量文件，备份作业随之变慢。',
    cause: '备份软件（VADP）创建的快照在备份中断后未被删除，或快照删除时因锁文件失败，留下增量磁盘链。',
    steps: [
      '确认没有正在运行的备份作业，避免与备份快照冲突。',
      '在虚拟机右键菜单中选择“快照 → 整合”（Consolidate），观察任务进度。',
      '整合失败提示文件被锁定时，找出持有锁的 ESXi 主机并重启该主机的管理代理，或对虚拟机做 vMotion 后重试。',
      '整合完成后检查数据存储上不再有增量 VMDK，并记录释放的空间。',
    ],
    commands:
      'Get-VM | Get-Snapshot | Where {$_.Created -lt (Get-Date).AddDays(-3)} | Select VM,Name,SizeGB,Created\nvmkfstools -D /vmfs/volumes/DS01/vm01/vm01-000001-delta.vmdk\n/etc/init.d/hostd restart',
    tags: ['vSphere', '快照', 'snapshot', '备份'],
  },
  {
    title: '堡垒机账号同步失败（AD 域同步）',
    family: 'pam',
    system: '运维堡垒机（主）',
    symptoms:
      "新入职运维人员无法登录堡垒机，提示“用户不存在”；堡垒机系统日志中 LDAP 同步任务报错 “Can't contact LDAP server”，账号同步失败。",
    cause: '域控制器证书更新后堡垒机未导入新的 CA 证书，LDAPS（636 端口）握手失败；另一种情况是同步服务账号密码过期。',
    steps: [
      '在堡垒机“认证配置 → LDAP”中点击“测试连接”，确认报错类型。',
      '从域控导出新的根证书，导入堡垒机受信任证书列表。',
      '检查同步服务账号在 AD 中是否被锁定或密码过期，必要时由客户域管理员重置。',
      '手动执行一次账号同步，确认新用户出现在用户列表并能正常登录。',
      '在主备堡垒机上分别确认配置一致。',
    ],
    commands:
      'openssl s_client -connect dc01.sjsec.local:636 -showcerts\nldapsearch -H ldaps://dc01.sjsec.local -D "svc_pam@sjsec.local" -W -b "ou=IT,dc=sjsec,dc=local" "(sAMAccountName=zhangsan)"',
    tags: ['堡垒机', 'LDAP', '账号', '证书'],
  },
  {
    title: '防火墙 HA 双机脑裂处理',
    family: 'security',
    system: '互联网边界防火墙',
    symptoms:
      '主备防火墙同时为主（Active/Active），互联网业务间歇性中断，交换机上出现 MAC 地址漂移告警，防火墙 HA 状态显示对端不可达。',
    cause: 'HA 心跳线所在接口光模块故障，心跳中断后备机抢占为主，形成双主（脑裂）。',
    steps: [
      '立即确认当前实际转发流量的设备，在另一台上手动将 HA 优先级调低或断开业务口，先恢复业务。',
      '检查心跳接口状态与光模块，更换故障光模块或跳线。',
      '心跳恢复后确认 HA 状态为一主一备，配置同步完成。',
      '建议配置双心跳链路，并开启心跳中断告警。',
    ],
    commands: 'show ha status\nshow interface eth8\nshow log system | include HA',
    tags: ['防火墙', 'HA', '双机', '脑裂'],
  },
  {
    title: '备份作业失败：客户端离线或备份介质空间不足',
    family: 'backup-dr',
    system: '集中备份系统',
    symptoms:
      'AnyBackup 控制台夜间备份作业状态为“失败”，错误信息为“客户端连接超时”或“介质空间不足”，次日备份报告中出现红色条目。',
    cause: '客户端代理服务停止、防火墙策略变更阻断备份端口，或备份存储池空间被过期副本占满。',
    steps: [
      '在控制台查看失败作业的详细日志，区分网络、客户端和介质三类原因。',
      '客户端离线：登录客户端重启备份代理服务，并用 telnet 检查到备份服务器端口。',
      '介质空间不足：执行过期副本回收，检查保留策略是否被改长。',
      '手动重跑失败作业，确认成功后更新备份报告。',
    ],
    commands: 'systemctl status anybackup-client\ntelnet 10.8.20.11 9980\ndf -h /backup_pool',
    tags: ['备份', 'AnyBackup', '作业失败'],
  },
  {
    title: 'ESXi 主机 NTP 时间漂移',
    family: 'virtualization',
    system: '生产虚拟化集群 PROD-VC01',
    symptoms:
      '多台虚拟机系统时间比标准时间快 3 分钟以上，交易日志时间戳异常，Kerberos 认证间歇失败（Clock skew too great）。',
    cause: 'ESXi 主机 NTP 服务未随主机启动，虚拟机通过 VMware Tools 与主机同步了错误的时间。',
    steps: [
      '在每台 ESXi 主机“时间配置”中确认 NTP 服务器为客户内网时钟源并启用服务。',
      '将 NTP 服务启动策略设为“随主机启动和停止”。',
      '在虚拟机内确认时间同步来源，关键应用服务器改为直接同步内网 NTP。',
      '观察 24 小时内时间偏差小于 1 秒。',
    ],
    commands: 'esxcli system ntp get\nesxcli system ntp set --server=10.8.1.10 --enabled=true\nntpq -p',
    tags: ['NTP', '时间同步', 'ESXi'],
  },
  {
    title: 'WAF 证书过期导致 HTTPS 访问失败',
    family: 'security',
    system: '网站应用防火墙 WAF',
    symptoms:
      '客户官网和网上营业厅浏览器提示“您的连接不是私密连接”（NET::ERR_CERT_DATE_INVALID），移动端 App 接口调用失败。',
    cause: 'WAF 上托管的站点证书到期未更新（certificate expiry），证书到期提醒邮件发给了已离职人员。',
    steps: [
      '在 WAF 证书管理中确认过期证书及其绑定的站点。',
      '向客户获取续签后的证书和私钥（PFX 或 PEM 格式），核对证书链完整。',
      '导入新证书并替换站点绑定，主备 WAF 同步配置。',
      '用浏览器和 openssl 验证新证书有效期，更新证书到期台账，提前 30 天提醒。',
    ],
    commands:
      'openssl s_client -connect www.sjsec.example.cn:443 -servername www.sjsec.example.cn | openssl x509 -noout -dates',
    tags: ['证书', 'HTTPS', 'WAF'],
  },
  {
    title: 'vSAN 磁盘组故障盘更换',
    family: 'virtualization',
    system: 'vSAN 存储集群',
    symptoms:
      'vSAN 健康检查显示“物理磁盘运行状况 - 永久磁盘故障”，部分对象处于降级状态（reduced availability with no rebuild）。',
    cause: '容量层 SSD 硬件故障。',
    steps: [
      '在 vSAN 健康检查中确认故障磁盘的主机、槽位和序列号。',
      '确认集群剩余容量足以完成数据重建，再将故障盘从磁盘组中移除（撤出数据）。',
      '联系原厂更换同型号磁盘，新盘加入原磁盘组。',
      '等待重新同步完成，健康检查全部为绿色后关闭事件。',
    ],
    commands: 'esxcli vsan storage list\nesxcli vsan debug object health summary get',
    tags: ['vSAN', '硬盘', '备件更换'],
  },
  {
    title: 'SmartX 私有云虚拟机开机失败（资源不足）',
    family: 'private-cloud',
    system: '办公私有云平台',
    symptoms: '在 CloudTower 中启动虚拟机提示“集群可用内存不足，无法放置虚拟机”，部分办公系统虚拟机处于关机状态。',
    cause: '一台主机维护后未退出维护模式，可用内存下降，开启了内存预留的虚拟机无法放置。',
    steps: [
      '在 CloudTower 查看各主机状态和内存分配率。',
      '将已完成维护的主机退出维护模式。',
      '必要时临时取消非关键虚拟机的内存预留，再启动业务虚拟机。',
    ],
    commands: 'zbs-meta host list\nelf-tool vm list --state stopped',
    tags: ['SmartX', '私有云', '资源'],
  },
  {
    title: '堡垒机 RDP 会话录像无法回放',
    family: 'pam',
    system: '运维堡垒机（主）',
    symptoms: '审计员在堡垒机中回放 Windows 远程桌面会话时播放器黑屏或提示“录像文件不存在”，SSH 会话回放正常。',
    cause: '录像存储目录所在分区空间写满，RDP 录像文件写入不完整。',
    steps: [
      '检查堡垒机录像存储分区的使用率。',
      '按审计保留要求将早于保留期的录像归档到外部存储后删除。',
      '配置录像存储空间告警阈值，建议启用自动归档。',
    ],
    commands: 'df -h /data/replay\nfind /data/replay -mtime +180 -type f | wc -l',
    tags: ['堡垒机', '审计', '录像'],
  },
  {
    title: '同城灾备复制延迟告警',
    family: 'backup-dr',
    system: '同城灾备复制',
    symptoms: '灾备平台告警“复制延迟超过 30 分钟”，外高桥灾备中心的数据落后于生产，RPO 不满足要求。',
    cause: '月末批处理产生大量变更数据，专线带宽被其他业务占用。',
    steps: [
      '在灾备平台查看复制队列长度和专线实时带宽。',
      '与网络组确认专线上的 QoS 策略，保证复制流量带宽。',
      '批处理高峰期临时调高复制任务优先级，观察延迟回落到阈值以内。',
    ],
    commands: 'iftop -i bond1\nping -c 100 10.9.0.1',
    tags: ['灾备', '复制', 'RPO'],
  },
  {
    title: 'IPS 特征库在线升级失败',
    family: 'security',
    system: '核心区入侵防御 IPS',
    symptoms: 'IPS 管理界面显示特征库版本超过 30 天未更新，在线升级提示“连接升级服务器失败”。',
    cause: '核心区设备无法直接访问互联网，升级代理配置在防火墙策略调整后失效。',
    steps: [
      '在设备上测试到升级服务器或内部升级代理的连通性。',
      '无法在线升级时，从原厂支持网站下载离线特征库包，经审批后导入。',
      '升级后确认特征库版本和引擎状态，并观察误报情况。',
    ],
    commands: 'ping update.sangfor.example.cn\nshow signature version',
    tags: ['IPS', '特征库', '升级'],
  },
];
