<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountDetailDialog</name>
    <message>
        <source>Account details</source>
        <translation>账户详情</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>Spendable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Certificates for this activity…</source>
        <translation>打印本次活动的证明…</translation>
    </message>
    <message>
        <source>Choose a record entered in a batch (one activity) to print its certificates</source>
        <translation>请选择一条批量登记（一次活动）的记录，再打印该活动的证明</translation>
    </message>
    <message>
        <source>Latest service</source>
        <translation>最近服务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <source>Choose a spending, gift or donation to reverse</source>
        <translation>请选择要冲正的一笔兑换、转赠或捐赠</translation>
    </message>
    <message>
        <source>Latest movements</source>
        <translation>最近收支</translation>
    </message>
    <message>
        <source>The latest {count} of each; the passbook statement prints them all.</source>
        <translation>各显示最近 {count} 条；打印存折可看到全部记录。</translation>
    </message>
    <message>
        <source>Account details — {name}</source>
        <translation>账户详情 — {name}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>{kind} · {status} · opened {opened}</source>
        <translation>{kind} · {status} · {opened} 开户</translation>
    </message>
    <message>
        <source>ID number {id_number}</source>
        <translation>身份号码 {id_number}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>电话 {phone}</translation>
    </message>
    <message>
        <source>Address {address}</source>
        <translation>住址 {address}</translation>
    </message>
    <message>
        <source>Skills {skills}</source>
        <translation>特长 {skills}</translation>
    </message>
    <message>
        <source>Service areas {areas}</source>
        <translation>服务区域 {areas}</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Add item</source>
        <translation>添加议程</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除议程</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Main points</source>
        <translation>发言要点</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>Add speech</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <source>Remove speech</source>
        <translation>删除发言</translation>
    </message>
</context>
<context>
    <name>ArrivalsDialog</name>
    <message>
        <source>Today&apos;s arrivals</source>
        <translation>今日到访</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>来访组织</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check in…</source>
        <translation>签到…</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Today, {date}: {count} bookings</source>
        <translation>今天（{date}）：{count} 个预约</translation>
    </message>
    <message>
        <source>Tomorrow, {date}: {count} bookings to call</source>
        <translation>明天（{date}）：{count} 个预约待电话确认</translation>
    </message>
    <message>
        <source>Only after the slot has ended</source>
        <translation>时段结束后才能标记未到</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>附件说明</translation>
    </message>
    <message>
        <source>Add photo or scan…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Photos, scans, PDF, Word, Excel or text files of up to {limit} MB each, at most {count} per meeting. They are kept in the backups too.</source>
        <translation>可添加照片、扫描件、PDF、Word、Excel 或文本文件，每个不超过 {limit} MB，每次会议最多 {count} 个；附件随备份一起保存。</translation>
    </message>
    <message>
        <source>Add photo or scan</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Photos and scans ({pattern})</source>
        <translation>照片和扫描件（{pattern}）</translation>
    </message>
    <message>
        <source>What does it show? (may be left empty)</source>
        <translation>附件内容说明（可不填）：</translation>
    </message>
    <message>
        <source>Cannot add the attachment</source>
        <translation>无法添加附件</translation>
    </message>
    <message>
        <source>Cannot remove the attachment</source>
        <translation>无法删除附件</translation>
    </message>
    <message>
        <source>Cannot open the attachment</source>
        <translation>无法打开附件</translation>
    </message>
</context>
<context>
    <name>AttendanceHistory</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Make-up</source>
        <translation>补课</translation>
    </message>
    <message>
        <source>Cannot read the attendance</source>
        <translation>无法读取会议出席情况</translation>
    </message>
    <message>
        <source>No meeting with this member recorded yet.</source>
        <translation>还没有记录这名党员参加的会议。</translation>
    </message>
    <message>
        <source>Attendance rate {rate:.0%}: present at {present} of {expected} meetings they should attend; {made_up} made up afterwards.</source>
        <translation>出席率 {rate:.0%}：应到 {expected} 次，实到 {present} 次；会后补课 {made_up} 次。</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>列席</translation>
    </message>
    <message>
        <source>Meeting attendance</source>
        <translation>会议出席</translation>
    </message>
</context>
<context>
    <name>AttendanceTable</name>
    <message>
        <source>All present</source>
        <translation>全部出席</translation>
    </message>
    <message>
        <source>Add missing from roster</source>
        <translation>按名册补齐</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Make-up date</source>
        <translation>补课日期</translation>
    </message>
    <message>
        <source>Make-up notes</source>
        <translation>补课情况</translation>
    </message>
    <message>
        <source>Add member as observer…</source>
        <translation>添加列席党员…</translation>
    </message>
    <message>
        <source>Remove observer</source>
        <translation>移除列席</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>列席</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>有表决权</translation>
    </message>
    <message>
        <source>No vote</source>
        <translation>无表决权</translation>
    </message>
    <message>
        <source>{name}: the make-up date should be written as 2026-11-20</source>
        <translation>{name}的补课日期应写作 2026-11-20</translation>
    </message>
    <message>
        <source>{name} is already on the list.</source>
        <translation>{name}已在出席名单中。</translation>
    </message>
    <message>
        <source>{name} is on the list of the meeting date: added as an ordinary line.</source>
        <translation>{name}在会议当日的党员名单中，已按名单成员添加。</translation>
    </message>
    <message>
        <source>{name} added as observer: not counted in should attend or present.</source>
        <translation>已添加{name}为列席，不计入应到和实到人数。</translation>
    </message>
    <message>
        <source>{name} removed.</source>
        <translation>已移除{name}。</translation>
    </message>
    <message>
        <source>Should attend {should}, present {present}, rate {rate}; absent {absent}, on leave {leave}, not counted {excused}, observers {observers}. Voting members: should attend {voting_should}, present {voting_present}.</source>
        <translation>应到 {should} 人，实到 {present} 人，出席率 {rate}；缺席 {absent} 人，请假 {leave} 人，不计入应到 {excused} 人，列席 {observers} 人。有表决权党员：应到 {voting_should} 人，实到 {voting_present} 人。</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search object ID or changes</source>
        <translation>搜索对象编号或变更内容</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Select a row to see the full record of the change.</source>
        <translation>选中一行，可在这里查看这次变更的完整记录。</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <source>{count} entries in total</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source> ({count} shown; scroll down to load more)</source>
        <translation>（已显示 {count} 条，向下滚动可加载更多）</translation>
    </message>
    <message>
        <source>Time: {time}</source>
        <translation>时间：{time}</translation>
    </message>
    <message>
        <source>User: {username}</source>
        <translation>用户：{username}</translation>
    </message>
    <message>
        <source>Action: {label} ({code})</source>
        <translation>操作：{label}（{code}）</translation>
    </message>
    <message>
        <source>Object: {kind} {id}</source>
        <translation>对象：{kind} {id}</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>变更前：</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>变更后：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The program backs up automatically the first time it opens each day and when it closes; automatic backups of the last 7 days and 4 weeks are kept. Manual backups and the backups taken before an upgrade or a restore are never deleted automatically. Copy the folder to a USB stick from time to time.</source>
        <translation>程序每天第一次打开时和退出时会自动备份，自动备份保留最近 7 天和 4 周的。手动备份以及升级前、恢复前的备份不会被自动删除。请定期把备份文件夹复制到U盘保存。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backing up the database. Please wait…</source>
        <translation>正在备份数据库，请稍候…</translation>
    </message>
    <message>
        <source>Backed up to {file} ({size}).</source>
        <translation>已备份到 {file}（{size}）。</translation>
    </message>
    <message>
        <source>{time} ({kind})</source>
        <translation>{time}（{kind}）</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>dangqun backups (*.sqlite3);;All files (*)</source>
        <translation>dangqun 备份文件 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace ALL current data with the backup “{backup}”?</source>
        <translation>确定用备份“{backup}”替换当前的全部数据吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Before restoring, the program first backs up the current data (type “before restore”), so this step can be undone by restoring that backup.

Everything entered after the chosen backup was taken will no longer be shown.

When the restore is finished the program returns to the sign-in screen; please sign in again.</source>
        <translation>恢复之前，程序会先把当前数据自动备份一份（类型为“恢复前”），万一恢复错了，可以再用那份备份恢复回来。

所选备份之后录入的内容将不再显示。

恢复完成后，程序会回到登录界面，请重新登录。</translation>
    </message>
    <message>
        <source>Restoring the data. Please wait and do not turn off the computer…</source>
        <translation>正在恢复数据，请稍候，不要关闭电脑…</translation>
    </message>
    <message>
        <source>Restore another center&apos;s backup</source>
        <translation>恢复另一个服务中心的备份</translation>
    </message>
    <message>
        <source>The backup “{backup}” belongs to another center: {other}.

This center is {this}.</source>
        <translation>备份“{backup}”属于另一个服务中心：{other}。

本中心是：{this}。</translation>
    </message>
    <message>
        <source>Replace with the other center</source>
        <translation>用另一个中心的数据替换</translation>
    </message>
    <message>
        <source>Restoring it replaces ALL data of this center, including its name, division code and identity, with the other center&apos;s. Only do this when this computer is to take over that center.</source>
        <translation>恢复它会用另一个中心的数据替换本中心的全部数据，包括中心名称、行政区划代码和中心标识。只有在这台电脑要接替那个中心时才这样做。</translation>
    </message>
    <message>
        <source>The data has been restored. The data as it was before the restore is kept in the backup {file}.

The program now returns to the sign-in screen.</source>
        <translation>数据已恢复。恢复前的数据保存在备份 {file} 中。

现在将回到登录界面。</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>恢复选中的备份…</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>No backups yet. Click “Back up now” to make the first one.</source>
        <translation>还没有备份。点击“立即备份”创建第一份备份。</translation>
    </message>
</context>
<context>
    <name>BaseSettingsDialog</name>
    <message>
        <source>Base settings</source>
        <translation>基地设置</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Closed dates</source>
        <translation>闭馆日期</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>特色菜单</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Lecturers</source>
        <translation>讲师团</translation>
    </message>
    <message>
        <source>New base</source>
        <translation>新增阵地</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>阵地名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>阵地类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>新增活动室…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Retire / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <source>One or more time ranges a day, e.g. 9:00-12:00, 14:00-18:00; leave a day empty when the base is closed.</source>
        <translation>每天填写一个或几个时间段，如 9:00-12:00, 14:00-18:00；当天不开放就空着。</translation>
    </message>
    <message>
        <source>Save hours</source>
        <translation>保存开放时间</translation>
    </message>
    <message>
        <source>New closed date…</source>
        <translation>新增闭馆日期…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Menu item</source>
        <translation>菜单名称</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>New menu item…</source>
        <translation>新增特色菜单…</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物资名称</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存数量</translation>
    </message>
    <message>
        <source>New material…</source>
        <translation>新增物资…</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>擅长主题</translation>
    </message>
    <message>
        <source>New lecturer…</source>
        <translation>新增讲师…</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>独占使用</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>可共用</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>{low}–{high} people</source>
        <translation>{low}–{high} 人</translation>
    </message>
    <message>
        <source>Cannot save the base</source>
        <translation>无法保存阵地</translation>
    </message>
    <message>
        <source>Cannot save the opening hours</source>
        <translation>无法保存开放时间</translation>
    </message>
</context>
<context>
    <name>BasesPage</name>
    <message>
        <source>Base bookings</source>
        <translation>阵地预约</translation>
    </message>
    <message>
        <source>New booking…</source>
        <translation>新建预约…</translation>
    </message>
    <message>
        <source>Today&apos;s arrivals…</source>
        <translation>今日到访…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Menu brochure…</source>
        <translation>特色菜单手册…</translation>
    </message>
    <message>
        <source>Visit statistics…</source>
        <translation>到访统计…</translation>
    </message>
    <message>
        <source>Base settings…</source>
        <translation>基地设置…</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>阵地</translation>
    </message>
    <message>
        <source>No base yet. Add the center&apos;s bases, their rooms and hours in “{settings}”.</source>
        <translation>还没有阵地。请在“{settings}”中添加本中心的阵地、活动室和开放时间。</translation>
    </message>
    <message>
        <source>{type} · {address}</source>
        <translation>{type} · {address}</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周历</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Cannot read the bases</source>
        <translation>无法读取阵地</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>未填地址</translation>
    </message>
    <message numerus="yes">
        <source>%n base(s)</source>
        <translation>
            <numerusform>共 %n 个阵地</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasesPrint</name>
    <message>
        <source>Booking confirmation</source>
        <translation>预约确认单</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Menu brochure</source>
        <translation>特色菜单</translation>
    </message>
    <message>
        <source>Visit statistics</source>
        <translation>活动情况统计</translation>
    </message>
</context>
<context>
    <name>BasesTab</name>
    <message>
        <source>Booking rules</source>
        <translation>预约规则</translation>
    </message>
    <message>
        <source>Minimum notice</source>
        <translation>至少提前</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A booking starts at least this long after it is taken; 0: walk-ins.</source>
        <translation>预约开始时间至少比受理时间晚这么久；0 表示可当场预约。</translation>
    </message>
    <message>
        <source>Maximum advance</source>
        <translation>最多提前</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>How far ahead a date may be booked.</source>
        <translation>最远可以预约多少天以后的日期。</translation>
    </message>
    <message>
        <source>Buffer between bookings</source>
        <translation>两场预约间隔</translation>
    </message>
    <message>
        <source>The room is held this long after each booking for tidying.</source>
        <translation>每场预约结束后活动室留出这段时间整理。</translation>
    </message>
    <message>
        <source>Monthly quota per organization</source>
        <translation>每个组织每月限额</translation>
    </message>
    <message>
        <source> bookings</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>The most bookings one visiting organization holds in a month; 0: none.</source>
        <translation>一个来访组织每月最多预约次数；0 表示不限。</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>阵地预约</translation>
    </message>
</context>
<context>
    <name>BatchEntryDialog</name>
    <message>
        <source>Batch entry</source>
        <translation>批量登记</translation>
    </message>
    <message>
        <source>One activity, many volunteers: the rows are saved together or not at all. Each record waits for verification before its minutes are credited.</source>
        <translation>一次活动、多名志愿者：所有行一起保存，有一行不对就都不保存。每条记录核实后才存入时长。</translation>
    </message>
    <message>
        <source>e.g. 翠湖小区独居老人</source>
        <translation>如：翠湖小区独居老人</translation>
    </message>
    <message>
        <source>e.g. 重阳节上门理发、打扫卫生</source>
        <translation>如：重阳节上门理发、打扫卫生</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Usual times</source>
        <translation>默认时间</translation>
    </message>
    <message>
        <source>For</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Paste numbers</source>
        <translation>粘贴编号</translation>
    </message>
    <message>
        <source>Paste a column of volunteer numbers copied from a sign-in sheet</source>
        <translation>粘贴从签到表复制的一列志愿者编号</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Save all</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <source>Give the date of the service.</source>
        <translation>请填写服务日期</translation>
    </message>
    <message>
        <source>{count} already in the list, not added again.</source>
        <translation>{count} 名已在名单中，未重复添加。</translation>
    </message>
    <message>
        <source>No active volunteer matches “{text}”.</source>
        <translation>没有找到与“{text}”相符的正常状态志愿者。</translation>
    </message>
    <message>
        <source>The clipboard holds no volunteer numbers.</source>
        <translation>剪贴板里没有志愿者编号。</translation>
    </message>
    <message>
        <source>Not found or not active, not added: {numbers}</source>
        <translation>未找到或账户不是正常状态，未添加：{numbers}</translation>
    </message>
    <message>
        <source>{people} volunteers, {minutes} in all</source>
        <translation>{people} 名志愿者，合计 {minutes}</translation>
    </message>
    <message>
        <source>Nothing was saved: {count} rows have a problem, marked red in the list (first: row {first}). Correct them and save again.</source>
        <translation>没有保存任何记录：有 {count} 行有问题，已在名单中标红（第一处：第 {first} 行）。改正后再保存。</translation>
    </message>
</context>
<context>
    <name>BatchGridModel</name>
    <message>
        <source>Number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Past midnight</source>
        <translation>跨午夜</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Slip number</source>
        <translation>登记单号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>BirthdayTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>党龄</translation>
    </message>
    <message>
        <source>Joined the party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所在党支部</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>党员类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} 年</translation>
    </message>
</context>
<context>
    <name>BookingDetailDialog</name>
    <message>
        <source>Booking {number}</source>
        <translation>预约 {number}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visiting organization</source>
        <translation>来访组织</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>Menu items</source>
        <translation>特色菜单</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <source>{channel}, taken by {name}</source>
        <translation>{channel}，受理人 {name}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Real headcount</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>签到人员</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>周期预约</translation>
    </message>
    <message>
        <source>One date of a recurring booking</source>
        <translation>周期预约中的一次</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Print confirmation</source>
        <translation>打印确认单</translation>
    </message>
    <message>
        <source>Print sign-in sheet</source>
        <translation>打印签到表</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Cancel this date</source>
        <translation>取消本次</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Lecturer&apos;s volunteer service…</source>
        <translation>登记讲师志愿服务…</translation>
    </message>
    <message>
        <source>Draft the meeting record…</source>
        <translation>生成会议记录草稿…</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>预约</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Change booking {number}</source>
        <translation>修改预约 {number}</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>新增预约</translation>
    </message>
    <message>
        <source>Pick a known organization or type a new one</source>
        <translation>选择已有组织，或输入新组织名称</translation>
    </message>
    <message>
        <source>Visiting organization</source>
        <translation>来访组织</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>预约方式</translation>
    </message>
    <message>
        <source>Taken by {name} (you)</source>
        <translation>受理人：{name}（本人）</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Letter of introduction</source>
        <translation>介绍信</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Menu items</source>
        <translation>特色菜单</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复预约</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Nth weekday of each month</source>
        <translation>每月第几个星期几</translation>
    </message>
    <message>
        <source>Day of each month</source>
        <translation>每月几日</translation>
    </message>
    <message>
        <source>day </source>
        <translation>每月 </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>重复规则</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>{name} ({capacity} people)</source>
        <translation>{name}（{capacity} 人）</translation>
    </message>
    <message>
        <source>{name} ({minutes} min, {low}–{high} people)</source>
        <translation>{name}（{minutes} 分钟，{low}–{high} 人）</translation>
    </message>
    <message>
        <source>Any free lecturer of the menu</source>
        <translation>由菜单讲师中有空的一位担任</translation>
    </message>
    <message>
        <source>No lecturer</source>
        <translation>不需要讲师</translation>
    </message>
    <message>
        <source>Materials held with it: {materials}</source>
        <translation>同时占用物资：{materials}</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>{name} ({size}), kept when saved</source>
        <translation>{name}（{size}），保存时存入</translation>
    </message>
    <message>
        <source>{name} ({size})</source>
        <translation>{name}（{size}）</translation>
    </message>
    <message>
        <source>Only an administrator may open the letter: it shows the visiting unit&apos;s personal data, which cannot be masked on a scan.</source>
        <translation>只有管理员可以打开介绍信：扫描件上有来访单位人员的个人信息，无法遮盖。</translation>
    </message>
    <message>
        <source>Cannot open the letter</source>
        <translation>无法打开介绍信</translation>
    </message>
    <message>
        <source>Remove the letter of introduction</source>
        <translation>移除介绍信</translation>
    </message>
    <message>
        <source>Remove “{name}” from booking {number}?</source>
        <translation>从预约 {number} 中移除“{name}”？</translation>
    </message>
    <message>
        <source>Cannot remove the letter</source>
        <translation>无法移除介绍信</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Closed at this time (see the opening hours).</source>
        <translation>此时段不开放（请看开放时间）。</translation>
    </message>
    <message>
        <source>Room free at this time.</source>
        <translation>此时段活动室空闲。</translation>
    </message>
    <message>
        <source>Room taken at this time.</source>
        <translation>此时段活动室已被占用。</translation>
    </message>
    <message>
        <source>{free} places left at this time.</source>
        <translation>此时段还剩 {free} 个位置。</translation>
    </message>
    <message>
        <source> Not enough for {people} people.</source>
        <translation>不够 {people} 人。</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel booking {number}</source>
        <translation>取消预约 {number}</translation>
    </message>
    <message>
        <source>{organization}, {date} {slot}: cancelling frees the places at once.</source>
        <translation>{organization}，{date} {slot}：取消后位置立即空出。</translation>
    </message>
    <message>
        <source> Only this date of the series is cancelled; the others stay.</source>
        <translation>只取消周期预约的这一次，其他日期不变。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Cancel the booking</source>
        <translation>取消预约</translation>
    </message>
</context>
<context>
    <name>CenterTab</name>
    <message>
        <source>Service center</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Center name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>12 digits: 6-digit county code + 3-digit street + 3-digit community, e.g. 530102001001.</source>
        <translation>12 位数字：6 位县级代码 + 3 位街道 + 3 位社区，例如 530102001001。</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>党组织全称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>The party organization&apos;s full name, address, contact person and phone are printed on notices and certificates.</source>
        <translation>党组织全称、地址、联系人和联系电话印在通知、证明等材料上。</translation>
    </message>
    <message>
        <source>Save center information</source>
        <translation>保存中心信息</translation>
    </message>
    <message>
        <source>Only an administrator can change the center information.</source>
        <translation>只有管理员可以修改中心信息。</translation>
    </message>
    <message>
        <source>Center ID</source>
        <translation>中心编号</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Created once at first setup. It identifies this center in the data packages sent to the district and never changes.</source>
        <translation>首次设置时生成，用于在报送区里的数据包中标识本中心，永不改变。</translation>
    </message>
    <message>
        <source>Data storage</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>数据库大小</translation>
    </message>
    <message>
        <source>Center information</source>
        <translation>中心信息</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in {number}</source>
        <translation>签到 {number}</translation>
    </message>
    <message>
        <source>{organization}, {date} {slot}, {room}: {headcount} people expected.</source>
        <translation>{organization}，{date} {slot}，{room}：预计 {headcount} 人。</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Real headcount</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>From the printed sign-in sheet</source>
        <translation>按纸质签到表填写</translation>
    </message>
    <message>
        <source>members </source>
        <translation>党员 </translation>
    </message>
    <message>
        <source>others </source>
        <translation>其他 </translation>
    </message>
    <message>
        <source>Use as headcount</source>
        <translation>合计为实到人数</translation>
    </message>
    <message>
        <source>Named attendees (optional)</source>
        <translation>签到人员名单（可不填）</translation>
    </message>
    <message>
        <source>Find a member: name, pinyin or number</source>
        <translation>查找党员：姓名、拼音或编号</translation>
    </message>
    <message>
        <source>Or type a visitor&apos;s name</source>
        <translation>或输入来访人员姓名</translation>
    </message>
    <message>
        <source>Add visitor</source>
        <translation>添加来访人员</translation>
    </message>
    <message>
        <source>Add the member →</source>
        <translation>添加党员 →</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>{name} (member)</source>
        <translation>{name}（党员）</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>New closed date</source>
        <translation>新增闭馆日期</translation>
    </message>
    <message>
        <source>e.g. Spring Festival, National Day</source>
        <translation>如 春节、国庆</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>闭馆名称</translation>
    </message>
    <message>
        <source>On dates</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>month-day, e.g. 10-01</source>
        <translation>月-日，如 10-01</translation>
    </message>
    <message>
        <source>Every year from</source>
        <translation>每年开始日</translation>
    </message>
    <message>
        <source>month-day, e.g. 10-07</source>
        <translation>月-日，如 10-07</translation>
    </message>
    <message>
        <source>Every year to</source>
        <translation>每年结束日</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Branch or group</source>
        <translation>支部或党小组</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Numbers: meetings held in the month.</source>
        <translation>数字为当月召开的次数。</translation>
    </message>
    <message>
        <source>No grid branch or building group yet: the schedule of meetings applies to them. Add them in the organization tree of “Party members”.</source>
        <translation>还没有网格党支部或楼栋党小组：三会一课的要求针对它们。请先在“党员管理”的组织树中添加。</translation>
    </message>
    <message>
        <source>Cannot read the compliance table</source>
        <translation>无法读取落实情况表</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{type} {count}</source>
        <translation>{type} {count} 期</translation>
    </message>
    <message>
        <source>Periods overdue in {year}: {periods}</source>
        <translation>{year} 年逾期未开：{periods}</translation>
    </message>
    <message>
        <source>No required meeting is overdue in this year.</source>
        <translation>本年度没有逾期未开的会议。</translation>
    </message>
    <message>
        <source>Export the compliance table</source>
        <translation>导出三会一课落实情况</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Add a correction</source>
        <translation>添加更正</translation>
    </message>
    <message>
        <source>The signed record stays as it was; the correction is added below it with today&apos;s date, the reason and your name.</source>
        <translation>已签字的记录保持原样，更正附在其后，注明今天的日期、更正原因和更正人。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2001-07-01</source>
        <translation>如 2001-07-01</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>DisplayTab</name>
    <message>
        <source>Settings for everyone at this center</source>
        <translation>全中心通用设置</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>界面字号</translation>
    </message>
    <message>
        <source>Lock the screen after no activity for</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <source>After 5 wrong passwords, lock the account for</source>
        <translation>密码连续输错 5 次后锁定账户</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>只有管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>当前登录</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>{name} (user name {username}, {role})</source>
        <translation>{name}（用户名 {username}，{role}）</translation>
    </message>
    <message>
        <source>Display and security</source>
        <translation>界面与安全</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>DistrictCentersPage</name>
    <message>
        <source>Centers</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Latest no.</source>
        <translation>最新序号</translation>
    </message>
    <message>
        <source>Last imported</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今（天）</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺号</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The registered service centers and the packages they sent. A center with a missing package, or none made for more than {days} days (the setting on Checks), is red: ask it to send what is missing.</source>
        <translation>已登记的服务中心和它们上报的数据包。有缺号或超过 {days} 天没有生成数据包（在“核查”页设置）的中心标红，请联系中心补报。</translation>
    </message>
    <message>
        <source>Not received yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{count} centers; {late} to ask for missing packages.</source>
        <translation>共 {count} 个中心；需要联系补报的 {late} 个。</translation>
    </message>
    <message>
        <source>No service center is registered yet: register a center&apos;s public key with dangqun district register-center.</source>
        <translation>还没有登记服务中心：请用 dangqun district register-center 登记中心的公钥。</translation>
    </message>
</context>
<context>
    <name>DistrictChecksPage</name>
    <message>
        <source>The same ID number registered at two centers: compare the records and record a decision; nothing is merged, the centers correct their own records. And the centers whose packages are overdue.</source>
        <translation>同一身份号码在两个中心登记：对照两条记录，登记处理意见；区级不合并记录，由中心更正自己的数据。另列出逾期未上报的中心。</translation>
    </message>
    <message>
        <source> ID numbers are masked for your role.</source>
        <translation>身份号码按权限遮盖。</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <source>Check no.</source>
        <translation>核查编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Centers</source>
        <translation>所在中心</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Overdue after (days)</source>
        <translation>超过多少天算逾期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Last package made</source>
        <translation>上一个数据包生成于</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Cannot read the checks</source>
        <translation>无法读取核查结果</translation>
    </message>
    <message>
        <source>{count} people registered at more than one center; {open} to decide.</source>
        <translation>{count} 人在多个中心登记；待处理 {open} 人。</translation>
    </message>
    <message>
        <source>No ID number is registered at two centers.</source>
        <translation>没有在两个中心重复登记的身份号码。</translation>
    </message>
    <message>
        <source>Duplicates ({open} to decide)</source>
        <translation>重复登记（待处理 {open}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>逾期未报（{count}）</translation>
    </message>
    <message>
        <source>{count} centers have made no package for more than {days} days: ask them for this month&apos;s package.</source>
        <translation>{count} 个中心超过 {days} 天没有生成数据包：请联系中心上报本月数据包。</translation>
    </message>
    <message>
        <source>Every center sent a package within {days} days.</source>
        <translation>各中心都在 {days} 天内上报了数据包。</translation>
    </message>
    <message>
        <source>None received</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>尚未处理。</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <source>a record no longer listed</source>
        <translation>一条已不在列表中的记录</translation>
    </message>
    <message>
        <source>{resolution}. Note: {note} ({who}, {when})</source>
        <translation>{resolution}。理由：{note}（{who}，{when}）</translation>
    </message>
    <message>
        <source>Both are legitimate</source>
        <translation>两处均合规</translation>
    </message>
    <message>
        <source>The record at {center} is the current one</source>
        <translation>以 {center} 的记录为准</translation>
    </message>
    <message>
        <source>Decided before, but the records have changed since: {line}</source>
        <translation>曾经处理过，但之后记录有变化，需要重新处理。原处理意见：{line}</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>党员类型</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Joined the Party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Registered here</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>原党组织</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>In package no.</source>
        <translation>所在数据包</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Cannot save the setting</source>
        <translation>无法保存设置</translation>
    </message>
</context>
<context>
    <name>DistrictDecisionDialog</name>
    <message>
        <source>Decide on a duplicate registration</source>
        <translation>处理重复登记</translation>
    </message>
    <message>
        <source>{name} (check no. {number}) is registered at: {centers}. Choose which record is the current one, or that both are legitimate (a floating member kept by both centers), and say why. The centers correct their own records.</source>
        <translation>{name}（核查编号 {number}）在以下中心登记：{centers}。请选择以哪条记录为准，或两处均合规（流动党员由两个中心共同管理），并写明理由。记录由各中心自行更正。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The record at {center} is the current one</source>
        <translation>以 {center} 的记录为准</translation>
    </message>
    <message>
        <source>Both are legitimate</source>
        <translation>两处均合规</translation>
    </message>
    <message>
        <source>Note (required)</source>
        <translation>处理说明（必填）</translation>
    </message>
    <message>
        <source>Why: e.g. the transfer to the other center was confirmed by phone</source>
        <translation>理由，例如：已电话确认组织关系已转入另一中心</translation>
    </message>
    <message>
        <source>Cannot record the decision</source>
        <translation>无法登记处理意见</translation>
    </message>
</context>
<context>
    <name>DistrictImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the packages (.dqpkg) a center handed in, or a whole USB folder. Each package&apos;s signature, checksums and format are checked first and it is written only when all pass; a dry run checks without writing.</source>
        <translation>选择中心交来的数据包（.dqpkg）或整个 U 盘文件夹。每个数据包先验证签名、校验值和格式，全部通过才写入；可先“试导入”只检查不写入。</translation>
    </message>
    <message>
        <source>Choose packages…</source>
        <translation>选择数据包…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Dry run (check only, write nothing)</source>
        <translation>试导入（只检查，不写入）</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The import&apos;s report appears here.</source>
        <translation>导入结果显示在这里。</translation>
    </message>
    <message>
        <source>Choose packages</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <source>Packages (*.dqpkg);;All files (*)</source>
        <translation>数据包 (*.dqpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the folder of packages</source>
        <translation>选择存放数据包的文件夹</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>正在导入 …</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
</context>
<context>
    <name>DistrictMembersPage</name>
    <message>
        <source>Search the members every center of the district reported: type a name (or its pinyin initials), or a whole ID number.</source>
        <translation>在全区各中心上报的党员中查找：输入姓名（或拼音首字母），或完整的身份号码。</translation>
    </message>
    <message>
        <source> ID numbers and phones are masked for your role.</source>
        <translation>身份号码和电话按权限遮盖。</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>所在中心</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>党员类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name, pinyin initials or a whole ID number</source>
        <translation>姓名、拼音首字母或完整的身份号码</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Cannot search</source>
        <translation>无法查找</translation>
    </message>
    <message>
        <source>Only the first {count} found are listed: type more of the name.</source>
        <translation>只列出前 {count} 名，请输入更完整的姓名。</translation>
    </message>
    <message>
        <source>Found {count}.</source>
        <translation>找到 {count} 名。</translation>
    </message>
</context>
<context>
    <name>DistrictNoticesView</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Choose a notice to read it.</source>
        <translation>选择一条通知查看正文。</translation>
    </message>
    <message>
        <source>Cannot read the district&apos;s notices</source>
        <translation>无法读取区级通知</translation>
    </message>
    <message>
        <source>{count} notices from the district, newest first.</source>
        <translation>区级下发的通知 {count} 条，最新的在前。</translation>
    </message>
    <message>
        <source>No notice from the district yet. They arrive in the district&apos;s packages (dangqun sync import FILE).</source>
        <translation>还没有区级通知。通知随区级下发的数据包送达（dangqun sync import 文件）。</translation>
    </message>
</context>
<context>
    <name>DistrictReportsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Figures by month, quarter or year for each center and the district in total; export them as a PDF or Excel report.</source>
        <translation>按月、季度或年统计各中心和全区合计；可导出 PDF 或 Excel 报表。</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Registered members</source>
        <translation>在册党员</translation>
    </message>
    <message>
        <source>Dual registration</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>Service (minutes)</source>
        <translation>服务时长（分钟）</translation>
    </message>
    <message>
        <source>Floating in</source>
        <translation>流入</translation>
    </message>
    <message>
        <source>Floating out</source>
        <translation>流出</translation>
    </message>
    <message>
        <source>Base visits</source>
        <translation>阵地批次</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>Earned (minutes)</source>
        <translation>存入（分钟）</translation>
    </message>
    <message>
        <source>Spent (minutes)</source>
        <translation>兑换（分钟）</translation>
    </message>
    <message>
        <source>Overdue meetings</source>
        <translation>逾期未开</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>Cannot compute</source>
        <translation>无法统计</translation>
    </message>
    <message>
        <source>{period}: {centers} centers, {members} registered members, {dual} in dual registration, {visits} base visits with {people} people, {overdue} meetings overdue.</source>
        <translation>{period}：{centers} 个中心，在册党员 {members} 名，双报到 {dual} 名，阵地活动 {visits} 批 {people} 人次，三会一课逾期未开 {overdue} 期。</translation>
    </message>
    <message>
        <source>District total</source>
        <translation>全区合计</translation>
    </message>
    <message>
        <source>Registered members by center</source>
        <translation>各中心在册党员</translation>
    </message>
    <message>
        <source>Members of the district by kind</source>
        <translation>全区党员（按党员类型）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <source>Report-{period}</source>
        <translation>统计报表-{period}</translation>
    </message>
    <message>
        <source>Exported: {path}</source>
        <translation>已导出：{path}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>DistrictSendPage</name>
    <message>
        <source>Send</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>Make a package for one center, signed with the district&apos;s key: the shared bases, menus, service categories and notices of the content file, and the members another center transferred to it. The center imports it with dangqun sync import.</source>
        <translation>为一个中心生成区级数据包，用区级密钥签名：内容文件中的共享阵地、特色菜单、服务类别和通知，以及其他中心转往该中心的党员。中心用 dangqun sync import 导入。</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Optional: the district&apos;s content file (.json)</source>
        <translation>可选：区级下发内容文件（.json）</translation>
    </message>
    <message>
        <source>Content file</source>
        <translation>内容文件</translation>
    </message>
    <message>
        <source>The folder to write the package into, e.g. a USB stick</source>
        <translation>保存数据包的文件夹，例如 U 盘</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Make the package</source>
        <translation>生成下发数据包</translation>
    </message>
    <message>
        <source>Sending packages is for staff and administrators.</source>
        <translation>下发数据包由工作人员或管理员操作。</translation>
    </message>
    <message>
        <source>The package made appears here.</source>
        <translation>生成的数据包显示在这里。</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>已下发的数据包</translation>
    </message>
    <message>
        <source>Only the chosen center</source>
        <translation>只看所选中心</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Carries</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>No. {seq}</source>
        <translation>第 {seq} 号</translation>
    </message>
    <message>
        <source>No package has been sent to any center yet.</source>
        <translation>尚未向任何中心下发数据包。</translation>
    </message>
    <message>
        <source>No package has been sent to {center} yet.</source>
        <translation>尚未向 {center} 下发数据包。</translation>
    </message>
    <message>
        <source>Choose the content file</source>
        <translation>选择内容文件</translation>
    </message>
    <message>
        <source>Content files (*.json)</source>
        <translation>内容文件 (*.json)</translation>
    </message>
    <message>
        <source>Save the package in</source>
        <translation>选择保存数据包的文件夹</translation>
    </message>
    <message>
        <source>Save in: choose the folder to write into.</source>
        <translation>保存到：请选择保存数据包的文件夹。</translation>
    </message>
    <message>
        <source>Cannot make the package</source>
        <translation>无法生成数据包</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Package no. {seq} for {center} is made:</source>
        <translation>已生成发给 {center} 的第 {seq} 号区级数据包：</translation>
    </message>
    <message>
        <source>It carries: {carried}</source>
        <translation>内容：{carried}</translation>
    </message>
    <message>
        <source>SHA-256: {sha256}</source>
        <translation>SHA-256：{sha256}</translation>
    </message>
    <message>
        <source>Hand it to the center; there it is imported with: dangqun sync import FILE</source>
        <translation>请交给该中心，在中心运行：dangqun sync import 文件</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <source>{district} — district workbench ({database})</source>
        <translation>{district} — 区级工作台（{database}）</translation>
    </message>
    <message>
        <source>Not backed up yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <source>Last backup: {moment}</source>
        <translation>最近备份：{moment}</translation>
    </message>
    <message>
        <source>Backing up …</source>
        <translation>正在备份 …</translation>
    </message>
    <message>
        <source>Backed up to: {path}</source>
        <translation>已备份到：{path}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;h3&gt;District workbench&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;{district}&lt;/p&gt;&lt;p&gt;Database: {database}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;区级工作台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;{district}&lt;/p&gt;&lt;p&gt;数据库：{database}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentRegisterDialog</name>
    <message>
        <source>Register of issued documents</source>
        <translation>文书登记簿</translation>
    </message>
    <message>
        <source>Number, name or check code</source>
        <translation>编号、姓名或核验码</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>核验码</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>重印次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Voided {date}: {reason}</source>
        <translation>{date} 已作废：{reason}</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>{count} documents, {voided} voided.</source>
        <translation>共 {count} 份文书，其中 {voided} 份已作废。</translation>
    </message>
    <message>
        <source>No document matches the search.</source>
        <translation>没有符合查找条件的文书。</translation>
    </message>
    <message>
        <source>No documents yet. Documents that carry a verification code and are printed from records (registration receipts) are entered here when printed.</source>
        <translation>还没有登记的文书。带核验码、按记录打印的文书（如在职党员报到回执）打印时会记入这里。</translation>
    </message>
    <message>
        <source>Void {number}</source>
        <translation>作废 {number}</translation>
    </message>
    <message>
        <source>Why is {number} ({person}) voided? Verifying it will answer that it was voided, with this reason; printing the record again issues a new number.</source>
        <translation>作废 {number}（{person}）的原因是什么？作废后，核验这份文书会答“已作废”并给出这个原因；再次打印这条记录将以新编号出具。</translation>
    </message>
    <message>
        <source>Void document</source>
        <translation>作废文书</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The details were also written to the log file: {path}</source>
        <translation>详细信息已同时记录到日志文件：{path}</translation>
    </message>
    <message>
        <source>Sorry, something went wrong ({count} errors)</source>
        <translation>抱歉，程序出了点问题（共 {count} 个错误）</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，程序出了点问题</translation>
    </message>
    <message>
        <source>The program met an unexpected problem. What you saved before is safe; the last action may not have been completed, so please check it. You can keep working.</source>
        <translation>程序遇到了一个意外问题。之前已保存的数据不受影响；刚才的操作可能没有完成，请检查一下。您可以继续使用。</translation>
    </message>
    <message>
        <source>If it happens again, click “Copy details” and send the text to your technical support.</source>
        <translation>如果问题反复出现，请点击“复制详细信息”，把内容发给技术支持人员。</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续使用(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Make a package for the district</source>
        <translation>生成上报数据包</translation>
    </message>
    <message>
        <source>The package holds this center&apos;s records for the district, signed with this center&apos;s key. Save it on a USB stick and hand it to the district organization department.</source>
        <translation>数据包含本中心报送区里的数据，并用本中心的密钥签名。请保存到U盘，交给区委组织部。</translation>
    </message>
    <message>
        <source>No district key is installed: the package will not be encrypted, and anyone who finds the USB stick can read the personal data in it.</source>
        <translation>尚未安装区级公钥：数据包不会加密，捡到U盘的人都能读到其中的个人信息（明文传送）。</translation>
    </message>
    <message>
        <source>Encrypted for {district}: only the district can read it.</source>
        <translation>已为{district}加密：只有区里能读取。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Save in:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Changes only (incremental)</source>
        <translation>只含变更（增量）</translation>
    </message>
    <message>
        <source>Everything (full)</source>
        <translation>全部数据（全量）</translation>
    </message>
    <message>
        <source>Changes only: whatever the district has not confirmed yet, so a lost USB stick loses nothing. Everything: the whole register, when the district asks for it. The first package is always a full one.</source>
        <translation>增量：区里尚未确认的所有变更，U盘丢了也不会漏数据。全量：全部数据，区里要求时使用。第一个数据包总是全量。</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Make the package</source>
        <translation>生成数据包</translation>
    </message>
    <message>
        <source>Save the package in</source>
        <translation>数据包保存到</translation>
    </message>
    <message>
        <source>Choose the folder to save the package in.</source>
        <translation>请选择保存数据包的文件夹。</translation>
    </message>
    <message>
        <source>Send the package unencrypted?</source>
        <translation>不加密就生成数据包？</translation>
    </message>
    <message>
        <source>No district key is installed, so the package cannot be encrypted: the personal data in it will be readable by anyone who gets the file.</source>
        <translation>尚未安装区级公钥，数据包无法加密：拿到文件的人都能读到其中的个人信息（明文）。</translation>
    </message>
    <message>
        <source>Make it unencrypted</source>
        <translation>仍然生成（不加密）</translation>
    </message>
    <message>
        <source>To encrypt it, cancel and ask an administrator to install the district&apos;s key file first (数据同步 → 安装区级公钥…).</source>
        <translation>如需加密，请取消，并请管理员先安装区级公钥文件（数据同步 → 安装区级公钥…）。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Making the package…</source>
        <translation>正在生成数据包…</translation>
    </message>
    <message>
        <source>Written {done} of {total} records…</source>
        <translation>已写入 {done} / {total} 条记录…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved as {file} in {folder}</source>
        <translation>已保存为 {file}（位于 {folder}）</translation>
    </message>
    <message>
        <source>Package no. {seq} · {kind} · {encrypted} · {size} · changes {range}</source>
        <translation>第 {seq} 号 · {kind} · {encrypted} · {size} · 变更号 {range}</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>{rows} records and {tombstones} deletions.</source>
        <translation>共 {rows} 条记录、{tombstones} 条删除记录。</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Full {count}</source>
        <translation>正式党员 {count}</translation>
    </message>
    <message>
        <source>Probationary {count}</source>
        <translation>预备党员 {count}</translation>
    </message>
    <message>
        <source>Grid branches {count}</source>
        <translation>网格党支部 {count}</translation>
    </message>
    <message>
        <source>Building groups {count}</source>
        <translation>楼栋党小组 {count}</translation>
    </message>
    <message>
        <source>Came in {count}</source>
        <translation>流入 {count}</translation>
    </message>
    <message>
        <source>Went out {count}</source>
        <translation>流出 {count}</translation>
    </message>
    <message>
        <source>Transferred out {count}</source>
        <translation>已转出 {count}</translation>
    </message>
    <message>
        <source>Deceased {count}</source>
        <translation>已去世 {count}</translation>
    </message>
    <message>
        <source>Left the party {count}</source>
        <translation>已出党 {count}</translation>
    </message>
    <message>
        <source>Everyone on file is in the register</source>
        <translation>全部在册</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Creating {count} demo members …</source>
        <translation>正在生成 {count} 名演示党员……</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The center was created, but the demo data could not be generated: {reason}</source>
        <translation>服务中心已创建，但演示数据没有生成：{reason}</translation>
    </message>
    <message>
        <source>Center name</source>
        <translation>服务中心名称</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>社区党组织</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系信息</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>{name} (user name {username})</source>
        <translation>{name}（用户名 {username}）</translation>
    </message>
    <message>
        <source>First-time setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Service center</source>
        <translation>服务中心</translation>
    </message>
    <message>
        <source>Welcome! First, tell the program which party–masses service center this computer serves. Both entries can be corrected later in System settings.</source>
        <translation>欢迎使用！首先，请告诉程序这台电脑为哪个党群服务中心工作。这两项以后都可以在“系统设置”中修改。</translation>
    </message>
    <message>
        <source>&amp;Center name</source>
        <translation>中心名称(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. Cuihu Community Party–Masses Service Center</source>
        <translation>例如：翠湖社区党群服务中心</translation>
    </message>
    <message>
        <source>&amp;Division code</source>
        <translation>行政区划代码(&amp;D)</translation>
    </message>
    <message>
        <source>12 digits, e.g. 530102001001</source>
        <translation>12 位数字，例如 530102001001</translation>
    </message>
    <message>
        <source>The statistical division code of the community: 6 digits for the county or district, 3 for the street and 3 for the community. It identifies this center in data sent to the district.</source>
        <translation>社区的统计用行政区划代码：6 位县（区）代码 + 3 位街道代码 + 3 位社区代码。向区里报送数据时用它识别本中心。</translation>
    </message>
    <message>
        <source>Party organization and contact</source>
        <translation>党组织和联系信息</translation>
    </message>
    <message>
        <source>The community party organization is created with the center: imported branches go under it. The address, contact person and phone are printed on notices and certificates; they are optional and can be added later in System settings.</source>
        <translation>社区党组织随服务中心一起建立，导入花名册时党支部建在它下面。地址、联系人和电话印在通知、证明等材料上，可以不填，以后在“系统设置”中补充。</translation>
    </message>
    <message>
        <source>Party &amp;organization</source>
        <translation>社区党组织全称(&amp;O)</translation>
    </message>
    <message>
        <source>full name, e.g. CPC Cuihu Community Committee</source>
        <translation>全称，例如：中共翠湖社区委员会</translation>
    </message>
    <message>
        <source>Filled in from the center name; correct it if the organization is called differently (e.g. a general branch).</source>
        <translation>已按中心名称填好；如果党组织的名称不同（例如是党总支），请改正。</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Telephone</source>
        <translation>联系电话(&amp;T)</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 0871-65123456</source>
        <translation>手机或固定电话，例如 0871-65123456</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>This account can add the other staff accounts, change settings and restore backups. Keep its password safe.</source>
        <translation>管理员可以添加其他工作人员的账户、修改系统设置和恢复备份。请妥善保管密码。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>letters and digits, e.g. zhangsan</source>
        <translation>英文字母和数字，例如 zhangsan</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 位</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>确认密码(&amp;A)</translation>
    </message>
    <message>
        <source>Ready to start</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Check the summary, then click Finish to create the center.</source>
        <translation>请核对以下信息，然后点击“完成”创建服务中心。</translation>
    </message>
    <message>
        <source>&amp;Load demo data?</source>
        <translation>加载演示数据？(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Number of demo members</source>
        <translation>演示党员人数(&amp;N)</translation>
    </message>
    <message>
        <source>Demo data are invented people, branches and addresses for training and trying out the program. Leave this unticked for a real center: demo data can only be added to an empty database and are not meant to be mixed with real records.</source>
        <translation>演示数据是虚构的人员、党组织和地址，供培训和试用。正式使用的服务中心请不要勾选：演示数据只能加入空数据库，不应与真实记录混在一起。</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>昨天 {time}</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Nothing has been backed up yet</source>
        <translation>还没有备份过数据</translation>
    </message>
    <message>
        <source>{kind} backup</source>
        <translation>{kind}备份</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Volunteer service for booking {number}</source>
        <translation>预约 {number} 的讲师志愿服务</translation>
    </message>
    <message>
        <source>The lecturer {name} is a time bank volunteer. The record is saved as pending (待核实); the minutes are earned when it is verified.</source>
        <translation>讲师 {name} 是时间银行志愿者。服务记录保存为“待核实”，核实后才计入时长。</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>服务日期和时间</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Slip number</source>
        <translation>登记单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save as pending</source>
        <translation>保存为待核实</translation>
    </message>
    <message>
        <source>Choose the service category</source>
        <translation>请选择服务类别</translation>
    </message>
    <message>
        <source>Volunteer service</source>
        <translation>讲师志愿服务</translation>
    </message>
    <message>
        <source>This booking&apos;s lecturer is not a time bank volunteer.</source>
        <translation>该预约的讲师不是时间银行志愿者。</translation>
    </message>
    <message>
        <source>The lecturer&apos;s service for booking {number} is already recorded.</source>
        <translation>预约 {number} 的讲师志愿服务已经登记过。</translation>
    </message>
    <message>
        <source>Meeting record</source>
        <translation>会议记录</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Meeting type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Optional, e.g. the third meeting of 2026</source>
        <translation>可不填，如 2026 年第三次支部党员大会</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Base room</source>
        <translation>阵地活动室</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>会议地点</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>讲课人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Observers who are not members: name, unit</source>
        <translation>非党员列席人员：姓名、单位</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <source>Not in a base room</source>
        <translation>不在阵地活动室</translation>
    </message>
    <message>
        <source>Add an organization first</source>
        <translation>请先添加党组织</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Members in the register</source>
        <translation>在册党员</translation>
    </message>
    <message>
        <source>Members of this community</source>
        <translation>社区党员</translation>
    </message>
    <message>
        <source>In-service, registered here</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <source>Floating members</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <source>Retired members</source>
        <translation>离退休党员</translation>
    </message>
    <message>
        <source>Party organizations</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Political birthdays this month</source>
        <translation>本月政治生日</translation>
    </message>
    <message>
        <source>No party members are registered yet. Members are registered one by one or imported from a roster under “Members”; the figures below count them from then on.</source>
        <translation>还没有登记党员。党员在“党员管理”中逐个登记或从花名册导入，登记后下面的数字随之更新。</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <source>Division code {code}</source>
        <translation>行政区划代码 {code}</translation>
    </message>
    <message>
        <source>Relationship in our branches</source>
        <translation>组织关系在本社区</translation>
    </message>
    <message>
        <source>Dual registration</source>
        <translation>“双报到”</translation>
    </message>
    <message>
        <source>Members whose party anniversary falls in month {month}</source>
        <translation>{month} 月逢入党周年的在册党员</translation>
    </message>
    <message>
        <source>Good morning, {name}</source>
        <translation>早上好，{name}</translation>
    </message>
    <message>
        <source>Good day, {name}</source>
        <translation>上午好，{name}</translation>
    </message>
    <message>
        <source>Good noon, {name}</source>
        <translation>中午好，{name}</translation>
    </message>
    <message>
        <source>Good afternoon, {name}</source>
        <translation>下午好，{name}</translation>
    </message>
    <message>
        <source>Good evening, {name}</source>
        <translation>晚上好，{name}</translation>
    </message>
    <message>
        <source>No party members are registered yet. Member registration and roster import will be available under “Members”; until then the figures below stay at zero.</source>
        <translation>还没有登记党员。党员登记和花名册导入将在“党员管理”中提供；在此之前，下面的数字都为 0。</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>工作概况</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>快捷入口</translation>
    </message>
    <message>
        <source>Open the time bank&apos;s pending verification</source>
        <translation>打开时间银行的待核实记录</translation>
    </message>
    <message>
        <source>Time bank this month</source>
        <translation>本月时间银行</translation>
    </message>
    <message>
        <source>Records to verify</source>
        <translation>待核实记录</translation>
    </message>
    <message>
        <source>Spent {minutes}</source>
        <translation>兑换 {minutes}</translation>
    </message>
    <message>
        <source>Most: {categories}</source>
        <translation>最多：{categories}</translation>
    </message>
    <message>
        <source>No verified service yet</source>
        <translation>还没有已核实的服务</translation>
    </message>
    <message>
        <source>Earned {minutes}</source>
        <translation>存入 {minutes}</translation>
    </message>
    <message>
        <source>{minutes} in all
Click to verify</source>
        <translation>共 {minutes}
点击去核实</translation>
    </message>
    <message>
        <source>Nothing waits</source>
        <translation>没有待核实的记录</translation>
    </message>
    <message>
        <source>Open today&apos;s arrivals</source>
        <translation>打开今日到访</translation>
    </message>
    <message>
        <source>Arrivals today</source>
        <translation>今日到访</translation>
    </message>
    <message>
        <source>Calls for tomorrow</source>
        <translation>明日到访</translation>
    </message>
    <message>
        <source>{people} people
first at {time}</source>
        <translation>共 {people} 人
最早 {time}</translation>
    </message>
    <message>
        <source>No visit booked today</source>
        <translation>今天没有预约到访</translation>
    </message>
    <message>
        <source>{people} people
Click for the call list</source>
        <translation>共 {people} 人
点击查看电话名单</translation>
    </message>
    <message>
        <source>Nobody to call</source>
        <translation>没有需要电话确认的预约</translation>
    </message>
    <message>
        <source>{year}/{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Q{quarter} {year}</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year}/{first} to {last}</source>
        <translation>{year}年{first}—{last}月</translation>
    </message>
    <message>
        <source>{organization}: {type} of {period} not held</source>
        <translation>{organization}：{period}{type}未开</translation>
    </message>
    <message>
        <source>Meetings overdue</source>
        <translation>逾期会议</translation>
    </message>
    <message>
        <source>Every branch is on schedule</source>
        <translation>各支部都按时召开</translation>
    </message>
    <message>
        <source>Open the compliance table</source>
        <translation>打开三会一课落实情况</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking every row of “{file}”… Nothing is written yet.</source>
        <translation>正在逐行检查“{file}”… 此时还不会写入任何数据。</translation>
    </message>
    <message>
        <source>Rows to correct</source>
        <translation>需要改正的行</translation>
    </message>
    <message>
        <source>Worth a look (these rows are imported)</source>
        <translation>请留意（这些行可以导入）</translation>
    </message>
    <message>
        <source>Import all {count} rows</source>
        <translation>全部导入（{count} 行）</translation>
    </message>
    <message>
        <source>Import the {count} valid rows only</source>
        <translation>只导入有效行（{count} 行）</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>These branches do not exist yet: {names}.</source>
        <translation>这些党支部还不存在：{names}。</translation>
    </message>
    <message>
        <source>{rows} rows are refused for this alone.</source>
        <translation>有 {rows} 行只因此无效。</translation>
    </message>
    <message>
        <source>If the names are right, they can be created under the community party organization (rename or move them later under Organization).</source>
        <translation>名称无误的话，可以在社区党组织下新建它们（以后可在“组织架构”中改名或移动）。</translation>
    </message>
    <message numerus="yes">
        <source>Create these %n branches and import</source>
        <translation>
            <numerusform>新建这 %n 个党支部并导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create these %n branches and check again</source>
        <translation>
            <numerusform>新建这 %n 个党支部并重新检查</numerusform>
        </translation>
    </message>
    <message>
        <source>“{file}”, sheet “{sheet}”, header in row {row}.</source>
        <translation>“{file}”，工作表“{sheet}”，表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>未使用的列：{columns}。</translation>
    </message>
    <message>
        <source>The sheet has no member rows under its header.</source>
        <translation>表头下面没有党员数据。</translation>
    </message>
    <message>
        <source>All {total} rows are valid: {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{total} 行全部有效：新增 {new} 人，更新 {updated} 人，{unchanged} 人无变化。</translation>
    </message>
    <message>
        <source>{invalid} of {total} rows cannot be imported yet because their branch does not exist; nothing else is wrong with them.</source>
        <translation>{total} 行中有 {invalid} 行暂时不能导入：它们的党支部还没有建立，除此之外没有问题。</translation>
    </message>
    <message>
        <source>None of the {total} rows can be imported. Correct the file (the row numbers below are those Excel shows) and import it again.</source>
        <translation>{total} 行都不能导入。请按下表改正（行号与 Excel 中一致）后重新导入。</translation>
    </message>
    <message>
        <source>{invalid} of {total} rows have problems (listed below with the row numbers Excel shows). Import nothing and correct the file, or import the {valid} valid rows now ({new} new, {updated} updated, {unchanged} unchanged).</source>
        <translation>共 {total} 行，其中 {invalid} 行有问题（见下表，行号与 Excel 中一致）。可以全部不导入，改好后再导入；也可以现在只导入 {valid} 行有效数据（新增 {new} 人，更新 {updated} 人，{unchanged} 人无变化）。</translation>
    </message>
    <message>
        <source>Branches that will be created: {names}.</source>
        <translation>将新建的党支部：{names}。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>没有导入任何数据</translation>
    </message>
    <message>
        <source>The database is unchanged. Correct the roster and import it again; rows that were fine will be recognised and not doubled.</source>
        <translation>数据没有任何改动。改好花名册后可以重新导入；已有的人员按身份号码识别，不会重复。</translation>
    </message>
    <message>
        <source>Importing {count} rows…</source>
        <translation>正在导入 {count} 行…</translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>花名册已导入</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>新增 {new} 人，更新 {updated} 人，{unchanged} 人无变化。</translation>
    </message>
    <message>
        <source>{count} rows with problems were left out; correct them and import the file again.</source>
        <translation>有问题的 {count} 行没有导入；改正后可再次导入该文件。</translation>
    </message>
    <message>
        <source>New branches: {names}.</source>
        <translation>新建的党支部：{names}。</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Choose the roster (.xlsx). Every row is checked first and nothing is written yet: you will see each problem with its Excel row number, then decide.</source>
        <translation>请选择花名册（.xlsx）。程序先逐行检查，此时不写入任何数据；您会看到每个问题及其在 Excel 中的行号，然后再决定是否导入。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Create branches named in the roster that do not exist yet</source>
        <translation>花名册中的党支部不存在时自动新建</translation>
    </message>
    <message>
        <source>Otherwise such rows are reported as problems. New branches are added under the community party organization and can be renamed or moved later.</source>
        <translation>不勾选时，这些行会列为有问题的行。新建的党支部放在社区党组织之下，以后可以改名或调整。</translation>
    </message>
    <message>
        <source>Headers may vary (身份证号, 手机号码, 所在支部 …); a title row above the header, 序号 columns and dates such as 2001.07.01 or 2001年7月1日 are understood. The template shows the preferred headers.</source>
        <translation>表头写法可以不同（身份证号、手机号码、所在支部……）；表头上方的标题行、序号列，以及 2001.07.01、2001年7月1日 这样的日期都能识别。推荐的表头见导入模板。</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>总行数</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Correct these rows in Excel and import the file again: people already imported are recognised by their ID number and never doubled.</source>
        <translation>在 Excel 中改正这些行后重新导入即可：已导入的人员按身份号码识别，不会重复。</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>重新选择文件…</translation>
    </message>
    <message>
        <source>Import the valid rows only</source>
        <translation>只导入有效行</translation>
    </message>
    <message>
        <source>Check the roster</source>
        <translation>检查花名册</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>表格中的内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note: {reason}</source>
        <translation>提醒：{reason}</translation>
    </message>
</context>
<context>
    <name>LecturerDialog</name>
    <message>
        <source>New lecturer</source>
        <translation>新增讲师</translation>
    </message>
    <message>
        <source>Edit lecturer</source>
        <translation>修改讲师</translation>
    </message>
    <message>
        <source>A party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>A time bank volunteer</source>
        <translation>时间银行志愿者</translation>
    </message>
    <message>
        <source>A guest</source>
        <translation>特邀讲师</translation>
    </message>
    <message>
        <source>Lecturer is</source>
        <translation>讲师类型</translation>
    </message>
    <message>
        <source>Find: name or pinyin (e.g. zsf)</source>
        <translation>查找：姓名或拼音首字母（如 zsf）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Guest&apos;s name</source>
        <translation>讲师姓名</translation>
    </message>
    <message>
        <source>e.g. party history, grassroots governance</source>
        <translation>如 党史、基层治理</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>擅长主题</translation>
    </message>
    <message>
        <source>Chosen: {person}</source>
        <translation>已选：{person}</translation>
    </message>
    <message>
        <source>Nobody matches.</source>
        <translation>没有找到符合的人员。</translation>
    </message>
    <message>
        <source>Find and choose the person first</source>
        <translation>请先查找并选择讲师</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Nobody used the workbench for {minutes} minutes, so it was locked to protect the personal data on screen. Enter the password of {name} to continue, or log out so that a colleague can sign in.</source>
        <translation>工作台已经 {minutes} 分钟无人操作，为保护屏幕上的个人信息，已自动锁定。请输入 {name} 的密码继续使用，或者注销，让其他同事登录。</translation>
    </message>
    <message>
        <source>The workbench is locked to protect the personal data on screen. Enter the password of {name} to continue, or log out so that a colleague can sign in.</source>
        <translation>为保护屏幕上的个人信息，工作台已锁定。请输入 {name} 的密码继续使用，或者注销，让其他同事登录。</translation>
    </message>
    <message>
        <source>This account has changed. Please log out and sign in again.</source>
        <translation>这个账户已发生变化，请注销后重新登录。</translation>
    </message>
    <message>
        <source>Workbench locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <source>The workbench is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{title} ({shortcut})</source>
        <translation>{title}（{shortcut}）</translation>
    </message>
    <message>
        <source>Verify a document…</source>
        <translation>核验文书…</translation>
    </message>
    <message>
        <source>Register of issued documents…</source>
        <translation>文书登记簿…</translation>
    </message>
    <message>
        <source>“{title}” could not be opened. The details were written to the log file; please tell your technical support.</source>
        <translation>“{title}”页面未能打开。详细信息已记录到日志文件，请告知技术支持人员。</translation>
    </message>
    <message>
        <source>{center} — Party–Masses Service Center Workbench</source>
        <translation>{center} — 党群服务中心工作台</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Not backed up yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <source>Backing up …</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Party–Masses Service Center Workbench&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;{center}&lt;br&gt;Division code {code}&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;党群服务中心工作台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;{center}&lt;br&gt;行政区划代码 {code}&lt;/p&gt;&lt;p&gt;数据目录：{folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Party–Masses Service Center Workbench</source>
        <translation>党群服务中心工作台</translation>
    </message>
    <message>
        <source>Locked. Enter your password to continue.</source>
        <translation>已锁定。请输入密码继续使用。</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Copy the database to the backup folder now</source>
        <translation>现在把数据库复制到备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the screen when you leave the desk; your password opens it again</source>
        <translation>离开座位时锁定屏幕，输入密码即可继续使用</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out so that a colleague can sign in</source>
        <translation>退出当前账户，让其他同事登录</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MaterialDialog</name>
    <message>
        <source>New material</source>
        <translation>新增物资</translation>
    </message>
    <message>
        <source>Edit material</source>
        <translation>修改物资</translation>
    </message>
    <message>
        <source>e.g. projector, party flag</source>
        <translation>如 投影仪、党旗</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物资名称</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存数量</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议信息</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Agenda and speeches</source>
        <translation>议程与发言</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字锁定</translation>
    </message>
    <message>
        <source>Drafted from booking {number}; nothing is stored until you save.</source>
        <translation>根据预约 {number} 生成的草稿；保存之前不会存储任何内容。</translation>
    </message>
    <message>
        <source>Save this tab</source>
        <translation>保存本页</translation>
    </message>
    <message>
        <source>Cannot open the meeting</source>
        <translation>无法打开会议记录</translation>
    </message>
    <message>
        <source>Filled in from the check-in of booking {number}: {count} checked-in members present, the others absent. Choose a reason for each absentee (or mark them present), then save.</source>
        <translation>已按预约 {number} 的签到填入：签到的 {count} 名党员为出席，其余为缺席。请为每位缺席人员选择原因（或改为出席），然后保存。</translation>
    </message>
    <message>
        <source>Attendance is recorded once the meeting has taken place.</source>
        <translation>会议召开后才能登记出席情况。</translation>
    </message>
    <message>
        <source>Filled in from the roster of {date}; mark who was absent or on leave, then save.</source>
        <translation>已按 {date} 的党员名册填入；请标出缺席、请假的人员，然后保存。</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>signed and locked</source>
        <translation>已签字锁定</translation>
    </message>
    <message>
        <source>Draft kept at {time}</source>
        <translation>已于 {time} 自动保存草稿</translation>
    </message>
    <message>
        <source>Cannot keep the draft</source>
        <translation>无法自动保存草稿</translation>
    </message>
    <message>
        <source>Typing kept automatically at {time} was not saved ({tabs}). Restore it?</source>
        <translation>{time} 自动保存的内容还没有保存（{tabs}），要恢复吗？</translation>
    </message>
    <message>
        <source>Cannot discard the draft</source>
        <translation>无法丢弃草稿</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved: {tab}</source>
        <translation>已保存：{tab}</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>全部党组织</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Expected / present</source>
        <translation>应到 / 实到</translation>
    </message>
    <message>
        <source>Cannot read the meetings</source>
        <translation>无法读取会议列表</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n meeting(s) are shown; narrow the filters for more.</source>
        <translation>
            <numerusform>只显示最新的 %n 次会议；请缩小筛选范围查看更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>共 %n 次会议</numerusform>
        </translation>
    </message>
    <message>
        <source>No meeting matches these filters.</source>
        <translation>没有符合筛选条件的会议。</translation>
    </message>
    <message>
        <source>No meeting recorded yet.</source>
        <translation>还没有会议记录。</translation>
    </message>
    <message>
        <source>No meeting recorded yet. Use “New meeting…” to record a branch meeting, a party lesson or a theme party day.</source>
        <translation>还没有会议记录。点击“新建会议…”记录支部会议、党课或主题党日。</translation>
    </message>
</context>
<context>
    <name>MemberChangeDialog</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Transfer out — {name}</source>
        <translation>组织关系转出 — {name}</translation>
    </message>
    <message>
        <source>The organization relationship leaves this center: the status becomes “transferred out”, and the date and the receiving organization are kept in the history.</source>
        <translation>组织关系转出本社区：党籍状态改为“已转出”，转出日期和接收党组织记入历史记录。</translation>
    </message>
    <message>
        <source>Transferred on</source>
        <translation>转出日期</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转往党组织</translation>
    </message>
    <message>
        <source>The receiving party organization, e.g. 五华区某街道党工委</source>
        <translation>接收组织关系的党组织，如：五华区某街道党工委</translation>
    </message>
    <message>
        <source>Transfer back in — {name}</source>
        <translation>组织关系转回 — {name}</translation>
    </message>
    <message>
        <source>The organization relationship comes back to this center: the status becomes “in the register” again, in the branch chosen here.</source>
        <translation>组织关系转回本社区：党籍状态恢复为“在册”，编入这里选择的党组织。</translation>
    </message>
    <message>
        <source>Transferred in on</source>
        <translation>转入日期</translation>
    </message>
    <message>
        <source>Transferred from</source>
        <translation>转出单位党组织</translation>
    </message>
    <message>
        <source>Change kind — {name}</source>
        <translation>变更党员类型 — {name}</translation>
    </message>
    <message>
        <source>Now: {kind}. The change is recorded on the date given; the fields the new kind needs are asked below.</source>
        <translation>现为：{kind}。变更按下面填写的日期记录；新类型需要的信息也请一并填写。</translation>
    </message>
    <message>
        <source>Changed on</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <source>Change status — {name}</source>
        <translation>变更党籍状态 — {name}</translation>
    </message>
    <message>
        <source>Now: {status}. For a transfer of the organization relationship use “Transfer out…” instead.</source>
        <translation>现为：{status}。组织关系转出请使用“组织关系转出…”。</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Home organization</source>
        <translation>来源组织</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>流入登记日期</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>来源组织</translation>
    </message>
    <message>
        <source>Gone to</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>Please enter the date</source>
        <translation>请填写日期</translation>
    </message>
    <message>
        <source>Record a change</source>
        <translation>记录变更</translation>
    </message>
    <message>
        <source>New kind</source>
        <translation>新的党员类型</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新的党籍状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Activity card no.</source>
        <translation>活动证号</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>From the ID number</source>
        <translation>按身份号码</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Choose the grid branch or building group</source>
        <translation>请选择网格党支部或楼栋党小组</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>登记党员</translation>
    </message>
    <message>
        <source>Birth date and sex are taken from the ID number. Red messages must be fixed.</source>
        <translation>出生日期和性别按身份号码自动填写；红字提示的内容须改正后才能保存。</translation>
    </message>
    <message>
        <source>A new member is in the register</source>
        <translation>新登记的党员为在册状态</translation>
    </message>
    <message>
        <source>Member — {name}</source>
        <translation>党员信息 — {name}</translation>
    </message>
    <message>
        <source>Changes are recorded with their date: use “Change…”</source>
        <translation>变更要记录日期：请点“变更…”办理</translation>
    </message>
    <message>
        <source>record made {date}</source>
        <translation>{date} 建档</translation>
    </message>
    <message>
        <source>Only the year and month are shown for your role. The birth date follows the ID number: type a new number in full to change it.</source>
        <translation>您的角色只显示出生年月。出生日期随公民身份号码而定：完整输入新的号码即可更改。</translation>
    </message>
    <message>
        <source>Partly hidden for your role. Type to replace it; leave it to keep it.</source>
        <translation>按您的角色隐藏了部分内容。直接输入即可重新填写；不改动则保留原值。</translation>
    </message>
    <message>
        <source>In-service member registered here (双报到)</source>
        <translation>在职党员到社区报到（双报到）</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Home organization</source>
        <translation>来源组织</translation>
    </message>
    <message>
        <source>The party organization of the employer, where the relationship stays</source>
        <translation>组织关系所在单位的党组织</translation>
    </message>
    <message>
        <source>Floating member, came here</source>
        <translation>流入党员</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>流入登记日期</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>来源组织</translation>
    </message>
    <message>
        <source>The party organization that holds the relationship</source>
        <translation>流出地党组织（组织关系所在党组织）</translation>
    </message>
    <message>
        <source>Floating member, gone elsewhere</source>
        <translation>流出党员</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Serves in branch</source>
        <translation>报到党组织</translation>
    </message>
    <message>
        <source>History ({count})</source>
        <translation>历史记录（{count}）</translation>
    </message>
    <message>
        <source>Please enter the date contact was lost</source>
        <translation>请填写失联日期</translation>
    </message>
    <message>
        <source>{count} item(s) to correct, marked in red under the fields.</source>
        <translation>有 {count} 处需要改正，已用红字标在各项下面。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员信息</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Citizen ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>18 characters; fills in birth date and sex</source>
        <translation>18 位，自动填写出生日期和性别</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>党籍信息</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>党员类型</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>变更…</translation>
    </message>
    <message>
        <source>Joined the party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Full member since</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Lost contact since</source>
        <translation>失联，日期</translation>
    </message>
    <message>
        <source>Registration and floating</source>
        <translation>报到与流动</translation>
    </message>
    <message>
        <source>Activity card no.</source>
        <translation>活动证号</translation>
    </message>
    <message>
        <source>Floating member&apos;s electronic activity card</source>
        <translation>流动党员电子活动证号</translation>
    </message>
    <message>
        <source>Gone to</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>Where the member went, e.g. city and employer</source>
        <translation>外出去向，如：广东省深圳市某某公司</translation>
    </message>
    <message>
        <source>Contact and work</source>
        <translation>联系方式与工作</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Mobile, or area code-number</source>
        <translation>手机号，或 区号-号码</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>现居住地址</translation>
    </message>
    <message>
        <source>Employer and post</source>
        <translation>工作单位及职务</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Every change of kind, status, branch or organization relationship is kept as a dated event. Nothing in the past is overwritten.</source>
        <translation>党员类型、党籍状态、所在支部和组织关系的每次变动都按日期记录在这里，过去的记录不会被改写。</translation>
    </message>
    <message>
        <source>Transfer out…</source>
        <translation>组织关系转出…</translation>
    </message>
    <message>
        <source>Transfer back in…</source>
        <translation>组织关系转回…</translation>
    </message>
    <message>
        <source>Change kind…</source>
        <translation>变更党员类型…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更党籍状态…</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Citizen ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>党员类型</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Joined the party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>社区党员</translation>
    </message>
    <message>
        <source>In-service</source>
        <translation>在职党员</translation>
    </message>
    <message>
        <source>Floating in</source>
        <translation>流入党员</translation>
    </message>
    <message>
        <source>Floating out</source>
        <translation>流出党员</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>离退休党员</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>预备</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>All organizations</source>
        <translation>全部党组织</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部党员类型</translation>
    </message>
    <message>
        <source>Full and probationary</source>
        <translation>正式和预备党员</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Find: name, pinyin initials (e.g. zsf), whole phone or ID number</source>
        <translation>查找：姓名、拼音首字母（如 zsf）、完整的电话或身份证号</translation>
    </message>
    <message>
        <source>Fit columns to the window</source>
        <translation>按窗口宽度显示列</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印报到回执</translation>
    </message>
    <message>
        <source>Print the registration receipt of the selected in-service member</source>
        <translation>打印所选在职党员的报到回执</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Members are registered by staff; your role can view the list.</source>
        <translation>党员由工作人员登记；您的角色可以查看名单。</translation>
    </message>
    <message>
        <source>First set up the party organizations with “Organization…” (the community party organization and its grid branches). Then register members one by one, or import the Excel roster — the import can also create the branches it names.</source>
        <translation>请先在“组织架构…”中建立社区党组织和网格党支部，然后逐个登记党员，或导入 Excel 花名册（导入时也可以自动新建花名册中写到的党支部）。</translation>
    </message>
    <message>
        <source>Type a name, pinyin, ID number or phone number</source>
        <translation>请输入姓名、拼音、证件号或手机号</translation>
    </message>
    <message>
        <source>Your role can search only by a whole ID number or phone number.</source>
        <translation>请输入完整的证件号或电话号码</translation>
    </message>
    <message>
        <source>Type at least four digits of a phone or ID number, e.g. the last four digits of the ID card.</source>
        <translation>电话或身份证号请至少输入四位数字，例如身份证后四位。</translation>
    </message>
    <message>
        <source>Nobody matches “{text}” with the filters chosen. Check the spelling, try the pinyin initials (e.g. zsf), or clear the filters.</source>
        <translation>在当前筛选条件下没有找到“{text}”。请检查输入，试试拼音首字母（如 zsf），或清除筛选条件。</translation>
    </message>
    <message>
        <source>Nobody matches the filters chosen.</source>
        <translation>没有符合当前筛选条件的党员。</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>{count} people found</source>
        <translation>找到 {count} 人</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员信息</translation>
    </message>
    <message>
        <source>Saved {name}. Please check: {warnings}</source>
        <translation>已保存{name}的信息。请核对：{warnings}</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存{name}的信息。</translation>
    </message>
    <message>
        <source>Member list.xlsx</source>
        <translation>党员名单.xlsx</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <source>Writing {count} people to {file}…</source>
        <translation>正在把 {count} 人写入 {file}…</translation>
    </message>
    <message>
        <source>Exported {count} people to {path}. ID numbers, phones and addresses are masked as on screen.</source>
        <translation>已导出 {count} 人到 {path}。身份号码、电话和住址与屏幕上一样做了隐藏处理。</translation>
    </message>
    <message>
        <source>Exported {count} people to {path} with full personal data; the export is recorded in the audit log. Keep the file safe.</source>
        <translation>已导出 {count} 人到 {path}，含完整个人信息；本次导出已记入操作日志。请妥善保管该文件。</translation>
    </message>
    <message>
        <source>Member roster template.xlsx</source>
        <translation>党员花名册模板.xlsx</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Template saved to {path}. Fill in one member per row and import it with “Import roster…”.</source>
        <translation>模板已保存到 {path}。每行填写一名党员，然后用“导入花名册…”导入。</translation>
    </message>
    <message>
        <source>Print roster</source>
        <translation>打印花名册</translation>
    </message>
    <message>
        <source>Choose the branch whose roster you want to print in the organization filter first. The roster lists its members in the register, with those of its building groups.</source>
        <translation>请先在党组织筛选中选择要打印花名册的党支部。花名册列出该支部（含所属楼栋党小组）的在册党员。</translation>
    </message>
    <message>
        <source>{name} member roster</source>
        <translation>{name}党员花名册</translation>
    </message>
    <message>
        <source>The roster lists {members} members on about {pages} pages.</source>
        <translation>花名册共 {members} 名党员，约 {pages} 页。</translation>
    </message>
    <message>
        <source>Prepare the roster</source>
        <translation>生成花名册</translation>
    </message>
    <message>
        <source>Preparing takes about a second for every 30 pages and can be cancelled. To print fewer pages, choose one branch or building group in the organization filter.</source>
        <translation>每 30 页约需 1 秒，可以随时取消。要少打印一些，请在党组织筛选中只选一个党支部或党小组。</translation>
    </message>
    <message>
        <source>Print registration receipt</source>
        <translation>打印报到回执</translation>
    </message>
    <message>
        <source>Select an in-service member who registered at the community first. The receipt confirms their registration to their own organization.</source>
        <translation>请先在列表中选择一名到社区报到的在职党员。报到回执用于向其所在单位党组织证明已到社区报到。</translation>
    </message>
    <message>
        <source>Registration receipt {name}</source>
        <translation>{name}报到回执</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员管理</translation>
    </message>
    <message>
        <source>Political birthdays this month</source>
        <translation>本月政治生日</translation>
    </message>
    <message>
        <source>Organization…</source>
        <translation>组织架构…</translation>
    </message>
    <message>
        <source>Find: name, pinyin initials (e.g. zsf), phone or last digits of the ID number</source>
        <translation>查找：姓名、拼音首字母（如 zsf）、电话或身份证后四位</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No members registered yet</source>
        <translation>还没有登记党员</translation>
    </message>
    <message>
        <source>Register members one by one, or import the roster you keep in Excel. The template shows the columns the import understands.</source>
        <translation>可以逐个登记，也可以导入现有的 Excel 花名册。模板中列出了导入时能识别的各列。</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>登记党员</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>No member matches</source>
        <translation>没有找到符合条件的党员</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除查找和筛选</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>登记党员</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>MenuItemDialog</name>
    <message>
        <source>New menu item</source>
        <translation>新增特色菜单</translation>
    </message>
    <message>
        <source>Edit menu item</source>
        <translation>修改特色菜单</translation>
    </message>
    <message>
        <source>e.g. renewing the oath, a party lecture</source>
        <translation>如 重温入党誓词、专题党课</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>菜单名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容介绍</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Group size</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <source>Lecturers who can give it</source>
        <translation>可授课讲师</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>所需数量</translation>
    </message>
    <message>
        <source>{name} (stock {quantity})</source>
        <translation>{name}（库存 {quantity}）</translation>
    </message>
    <message>
        <source>Materials needed</source>
        <translation>所需物资</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新建会议…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Search the minutes</source>
        <translation>线上调阅</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>落实情况</translation>
    </message>
</context>
<context>
    <name>MinutesTab</name>
    <message>
        <source>Meeting schedule and attachments</source>
        <translation>会议要求与附件</translation>
    </message>
    <message>
        <source>Party lesson at least every</source>
        <translation>党课至少每</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>A branch gives a party lesson at least once in this many months (quarterly is the usual local rule; 12: once a year). It must divide 12.</source>
        <translation>支部至少每这么多个月上一次党课（本地通常每季度一次；填 12 即每年一次）。须能整除 12。</translation>
    </message>
    <message>
        <source>Branch committee at least every</source>
        <translation>支部委员会至少每</translation>
    </message>
    <message>
        <source>The regulations say monthly, or as needed; a center whose committees meet every two months sets 2. It must divide 12.</source>
        <translation>条例规定一般每月召开一次，根据需要可随时召开；支委会每两个月召开一次的填 2。须能整除 12。</translation>
    </message>
    <message>
        <source>Largest attachment</source>
        <translation>附件最大</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Photos and scans of a meeting are kept in the database so every backup carries them: keep this small.</source>
        <translation>会议照片和扫描件保存在数据库中，每份备份都带着它们：请不要设得太大。</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
</context>
<context>
    <name>ModuleSettingsForm</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>只有管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ObserverDialog</name>
    <message>
        <source>Add a member as observer</source>
        <translation>添加列席党员</translation>
    </message>
    <message>
        <source>A member who attended but is not on this organization&apos;s list of the meeting date is recorded as observer: not counted in should attend or present. Guests who are not members go in the Observers field of the Meeting tab.</source>
        <translation>不在本组织会议当日党员名单中的党员参加会议，登记为列席，不计入应到和实到人数。非党员的列席人员请填在“会议信息”页的“列席人员”中。</translation>
    </message>
    <message>
        <source>Find the member: name or pinyin (e.g. zsf)</source>
        <translation>查找党员：姓名或拼音（如 zsf）</translation>
    </message>
    <message>
        <source>Add as observer</source>
        <translation>添加为列席</translation>
    </message>
    <message>
        <source>The members found are already on the list.</source>
        <translation>找到的党员都已在出席名单中。</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>没有符合的党员。</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Organization</source>
        <translation>组织名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Grid code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Members in the register</source>
        <translation>在册党员</translation>
    </message>
    <message>
        <source>{direct} recorded here, {total} with the organizations below</source>
        <translation>本级登记 {direct} 人，含下级共 {total} 人</translation>
    </message>
    <message>
        <source>No organization yet. Start with “Add top organization…”: the community party organization (or the street working committee above it).</source>
        <translation>还没有党组织。请先点“新增顶层组织…”，建立社区党组织（或其上级街道党工委）。</translation>
    </message>
    <message>
        <source>Add {level}…</source>
        <translation>新增{level}…</translation>
    </message>
    <message>
        <source>Add sub-organization…</source>
        <translation>新增下级组织…</translation>
    </message>
    <message>
        <source>Add {level}</source>
        <translation>新增{level}</translation>
    </message>
    <message>
        <source>Name of the new {level} under “{parent}”:</source>
        <translation>在“{parent}”下新增{level}，名称：</translation>
    </message>
    <message>
        <source>Name of the new {level} (a top organization):</source>
        <translation>新增{level}（顶层组织），名称：</translation>
    </message>
    <message>
        <source>Added {name} with code {code}.</source>
        <translation>已新增{name}，编码 {code}。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Renamed to {name}.</source>
        <translation>已改名为{name}。</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>删除“{name}”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Only an organization without sub-organizations and without members can be deleted. The deletion is recorded in the audit log.</source>
        <translation>只有没有下级组织、也没有党员记录的组织才能删除。删除操作会记入操作日志。</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>已删除{name}。</translation>
    </message>
    <message>
        <source>Party organizations</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Street working committee → community party organization → grid branch → building group. Grid codes are built on the center&apos;s 12-digit division code; new organizations get the next free number.</source>
        <translation>街道党工委 → 社区党组织 → 网格党支部 → 楼栋党小组。网格编码在本中心 12 位行政区划代码的基础上编制，新建组织自动取下一个空闲编号。</translation>
    </message>
    <message>
        <source>Add top organization…</source>
        <translation>新增顶层组织…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <source>Choose a branch</source>
        <translation>请选择党支部</translation>
    </message>
    <message>
        <source>{level} · code {code} · {count} member(s) in the register</source>
        <translation>{level} · 编码 {code} · 在册党员 {count} 人</translation>
    </message>
    <message>
        <source>(organization no. {id})</source>
        <translation>（组织编号 {id}）</translation>
    </message>
</context>
<context>
    <name>OrganizationPickerPopup</name>
    <message>
        <source>Type part of a name to filter</source>
        <translation>输入名称中的字筛选</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Today&apos;s overview</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员管理</translation>
    </message>
    <message>
        <source>Registration, dual registration, floating members</source>
        <translation>党员登记、双报到、流动党员</translation>
    </message>
    <message>
        <source>Base bookings</source>
        <translation>阵地预约</translation>
    </message>
    <message>
        <source>Bases, rooms, activity menus, bookings and visits</source>
        <translation>阵地、活动室、特色菜单、预约与到访</translation>
    </message>
    <message>
        <source>Time bank</source>
        <translation>时间银行</translation>
    </message>
    <message>
        <source>Volunteer accounts, service records, verification</source>
        <translation>志愿者账户、服务记录、核实记账</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Three meetings and one lesson, search, compliance</source>
        <translation>三会一课、线上调阅、落实情况</translation>
    </message>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Packages for the district, receipts back, keys</source>
        <translation>上报数据包、区级回执、密钥</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>Center, users, backups, display</source>
        <translation>中心信息、用户、备份、显示</translation>
    </message>
    <message>
        <source>Centers</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Each center&apos;s packages and gaps</source>
        <translation>各中心的数据包和缺号</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the centers&apos; packages</source>
        <translation>导入中心上报的数据包</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Find members across the centers</source>
        <translation>跨中心查找党员</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>District reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>People registered at two centers, overdue packages</source>
        <translation>重复登记和逾期未报</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>Packages back to a center</source>
        <translation>向中心下发数据包</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>至少 {count} 位</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Enter your current password, then the new one twice. Use the new password the next time you sign in.</source>
        <translation>请先输入当前密码，再把新密码输入两次。下次登录时请使用新密码。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({username}). Tell them the new password in person; a lock-out after wrong passwords is lifted as well.</source>
        <translation>为 {name}（{username}）设置新密码。请当面告知本人；因密码输错而被锁定的账户也会同时解锁。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
</context>
<context>
    <name>PendingRecordModel</name>
    <message>
        <source>Date</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Slip number</source>
        <translation>登记单号</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
</context>
<context>
    <name>PoliticalBirthdaysDialog</name>
    <message>
        <source>All organizations</source>
        <translation>全部党组织</translation>
    </message>
    <message>
        <source>Political birthdays {month}</source>
        <translation>{month} 政治生日名单</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>{count} members celebrate their political birthday in {month}; the list prints on about {pages} pages</source>
        <translation>{month}共 {count} 名党员过政治生日，打印约 {pages} 页</translation>
    </message>
    <message>
        <source>Political birthdays</source>
        <translation>政治生日</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>The anniversary of joining the party. Members in the register only; centers send greetings and invite them to the month&apos;s party day.</source>
        <translation>政治生日即入党纪念日。名单只含在册党员，可据此发送祝福、邀请参加当月主题党日。</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>打印名单…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PrintJobProgress</name>
    <message>
        <source>Preparing to print</source>
        <translation>正在准备打印</translation>
    </message>
    <message>
        <source>Preparing {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Prepared {done} of about {total} pages…</source>
        <translation>已生成 {done} / 约 {total} 页…</translation>
    </message>
    <message>
        <source>Prepared {done} of {total} documents…</source>
        <translation>已生成 {done} / {total} 份…</translation>
    </message>
</context>
<context>
    <name>PrintPreviewWindow</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>跳到第几页</translation>
    </message>
    <message>
        <source>of 1</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit the page width to the window</source>
        <translation>页宽适合窗口</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合页宽</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>No font on this computer has these characters: {characters}. They may print blank or in another typeface: check them before printing, and write them in by hand if needed.</source>
        <translation>这台电脑上没有字体含有这些字：{characters}。打印出来可能是空白或另一种字形：打印前请核对，必要时手写补上。</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <source>The document could not be opened.</source>
        <translation>无法打开这份文书。</translation>
    </message>
    <message>
        <source>{count} page(s). The printout looks exactly like this preview.</source>
        <translation>共 {count} 页。打印出来的效果与预览完全一致。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>页宽</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>正在把页面发送到打印机…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The file {path} could not be written ({reason}).</source>
        <translation>无法写入文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>PrintingTab</name>
    <message>
        <source>Fonts used in printed documents</source>
        <translation>打印文书使用的字体</translation>
    </message>
    <message>
        <source>Print a sample…</source>
        <translation>打印样张…</translation>
    </message>
    <message>
        <source>Look for fonts again</source>
        <translation>重新查找字体</translation>
    </message>
    <message>
        <source>Choose the print fonts</source>
        <translation>选择打印字体</translation>
    </message>
    <message>
        <source>“Automatic” uses the computer&apos;s fonts for official documents (小标宋 for titles, 仿宋 for body text, 宋体 for tables, 楷体 for signatures, 黑体 for headings) and otherwise the Song font shipped with the program. Fonts made for the screen are not used for official documents.</source>
        <translation>“自动选择”优先使用本机的公文字体（标题用小标宋，正文用仿宋，表格用宋体，落款用楷体，小标题用黑体），没有时使用程序自带的宋体。为屏幕显示设计的字体不用于正式文书。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Signature and issuer</source>
        <translation>落款和签名</translation>
    </message>
    <message>
        <source>Headings and table headers</source>
        <translation>小标题和表头</translation>
    </message>
    <message>
        <source>Save print fonts</source>
        <translation>保存打印字体</translation>
    </message>
    <message>
        <source>Add a font file…</source>
        <translation>添加字体文件…</translation>
    </message>
    <message>
        <source>Fonts on this computer that cannot be used, and why:</source>
        <translation>本机不能使用的字体及原因：</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Letters, certificates and minutes leave 37 mm at the top and 28 mm at the left, as the national standard for official documents (GB/T 9704) asks. Centers printing on pre-printed letterhead can move the text lower or further right.</source>
        <translation>证明、回执、会议记录等文书按公文国家标准（GB/T 9704）上边距 37 毫米、左边距 28 毫米排版。使用预印红头纸的中心可以把正文往下或往右移。</translation>
    </message>
    <message>
        <source>Top margin</source>
        <translation>上边距</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Left margin</source>
        <translation>左边距</translation>
    </message>
    <message>
        <source>Restore the national standard (37/28 mm)</source>
        <translation>恢复国家标准（37/28 毫米）</translation>
    </message>
    <message>
        <source>Print a faint circle where the seal goes (to align the stamp)</source>
        <translation>盖章处印浅色对位圆圈（便于对准印章）</translation>
    </message>
    <message>
        <source>Save paper settings</source>
        <translation>保存纸张设置</translation>
    </message>
    <message>
        <source>Verification key</source>
        <translation>核验密钥</translation>
    </message>
    <message>
        <source>Certificates and signed minutes carry a verification code made with this center&apos;s key. Ordinary backups do not contain the key: export it once into a file protected by a passphrase and keep the file and the passphrase apart. After moving to a new computer or restoring a backup, import that file so the codes already printed can still be verified.</source>
        <translation>志愿服务证明和已签定的会议记录上的核验码由本中心的核验密钥生成。普通备份不含这把密钥：请把它导出为用口令保护的文件，文件和口令分开妥善保管。换电脑或恢复备份后，导入这个文件，已打印文书的核验码才能继续核验。</translation>
    </message>
    <message>
        <source>Export verification key…</source>
        <translation>导出核验密钥…</translation>
    </message>
    <message>
        <source>Import verification key…</source>
        <translation>导入核验密钥…</translation>
    </message>
    <message>
        <source>Only an administrator can choose the print fonts and change the paper settings.</source>
        <translation>只有管理员可以选择打印字体和修改纸张设置。</translation>
    </message>
    <message>
        <source>Looking for the fonts on this computer…</source>
        <translation>正在查找这台电脑上的字体…</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>自动选择（推荐）</translation>
    </message>
    <message>
        <source>{family}   {file}
Cannot be used: {reason}</source>
        <translation>{family}   {file}
不能使用：{reason}</translation>
    </message>
    <message>
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC);;所有文件 (*)</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Document register…</source>
        <translation>文书登记簿…</translation>
    </message>
    <message>
        <source>shipped with the program</source>
        <translation>程序自带</translation>
    </message>
    <message>
        <source>screen font</source>
        <translation>屏幕字体</translation>
    </message>
    <message>
        <source>{family} ({notes})</source>
        <translation>{family}（{notes}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>None: every Chinese font found can be used.</source>
        <translation>没有：找到的中文字体都可以使用。</translation>
    </message>
    <message>
        <source>{file} was added: choose it above for the roles it should play.</source>
        <translation>已添加“{file}”：请在上面为需要的用途选择它。</translation>
    </message>
    <message>
        <source>Print fonts</source>
        <translation>打印字体</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Export verification key</source>
        <translation>导出核验密钥</translation>
    </message>
    <message>
        <source>verification key{suffix}</source>
        <translation>核验密钥{suffix}</translation>
    </message>
    <message>
        <source>Verification key files (*{suffix})</source>
        <translation>核验密钥文件 (*{suffix})</translation>
    </message>
    <message>
        <source>Passphrase protecting the file (at least 10 characters):</source>
        <translation>保护这个文件的口令（至少 10 个字符）：</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ; the key was not exported.</source>
        <translation>两次输入的口令不一致，密钥没有导出。</translation>
    </message>
    <message>
        <source>The verification key (fingerprint {key_id}) was exported to {path}. Keep the file and the passphrase apart: together they can sign certificates in this center&apos;s name.</source>
        <translation>核验密钥（指纹 {key_id}）已导出到 {path}。请把文件和口令分开保管：有了两者，就能以本中心的名义签发证明。</translation>
    </message>
    <message>
        <source>Import verification key</source>
        <translation>导入核验密钥</translation>
    </message>
    <message>
        <source>Verification key files (*{suffix});;All files (*)</source>
        <translation>核验密钥文件 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Passphrase of the key file:</source>
        <translation>密钥文件的口令：</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>替换密钥</translation>
    </message>
    <message>
        <source>Print font sample</source>
        <translation>打印字体样张</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Return the record</source>
        <translation>退回服务记录</translation>
    </message>
    <message>
        <source>{name}, {date}, {category}, {minutes}: the record credits nothing.</source>
        <translation>{name}，{date}，{category}，{minutes}：退回后这条记录不计入时长。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>ResolutionEditor</name>
    <message>
        <source>Add resolution</source>
        <translation>添加决议</translation>
    </message>
    <message>
        <source>Remove resolution</source>
        <translation>删除决议</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>决议内容</translation>
    </message>
    <message>
        <source>Admits or confirms a member</source>
        <translation>讨论接收（或转正）党员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>表决类型</translation>
    </message>
    <message>
        <source>Tallies</source>
        <translation>按票数</translation>
    </message>
    <message>
        <source>Vote of each person</source>
        <translation>逐人表决</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>计票方式</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>No</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Written opinions</source>
        <translation>书面意见</translation>
    </message>
    <message>
        <source>As counted</source>
        <translation>按计票结果</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Minutes say</source>
        <translation>记录为</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>表决规则</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Handed in on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>The day it was handed in, before the meeting</source>
        <translation>书面意见的提交日期，须在会议召开前</translation>
    </message>
    <message>
        <source>Add opinion</source>
        <translation>添加书面意见</translation>
    </message>
    <message>
        <source>Remove opinion</source>
        <translation>删除书面意见</translation>
    </message>
    <message>
        <source>Only voting members absent or on leave (see the Attendance tab) can have a written opinion counted.</source>
        <translation>只有缺席或请假的有表决权党员（见“出席”页）的书面意见才能计入。</translation>
    </message>
    <message>
        <source>This kind of meeting does not vote: record the conclusion only.</source>
        <translation>此类会议不进行表决，只记录结论。</translation>
    </message>
    <message>
        <source>Result: passed</source>
        <translation>结果：通过</translation>
    </message>
    <message>
        <source>Result: not passed</source>
        <translation>结果：未通过</translation>
    </message>
    <message>
        <source>It did not pass, so it cannot be recorded as passed.</source>
        <translation>未获通过，不能记为通过。</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse a transfer</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>A reversal posts the same minutes back the other way and keeps the original: nothing is edited or deleted. A transfer is reversed once; a reversal is never reversed.</source>
        <translation>冲正是记一笔方向相反、分钟数相同的账，原账目保留，不修改也不删除。一笔账只能冲正一次，冲正账目不能再冲正。</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>原账目</translation>
    </message>
    <message>
        <source>Required, e.g. 登记错了志愿者</source>
        <translation>必填，如：登记错了志愿者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>冲正原因</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>No. {id}, {kind}, booked on {day}, {minutes}</source>
        <translation>账目编号 {id}，{kind}，记账日期 {day}，{minutes}</translation>
    </message>
    <message>
        <source>From {source} to {destination}; posted by {user}</source>
        <translation>由 {source} 转入 {destination}；记账人 {user}</translation>
    </message>
    <message>
        <source>Exchanged for: {received}</source>
        <translation>兑换内容：{received}</translation>
    </message>
    <message>
        <source>Reason given: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>This is the reversal of No. {id}.</source>
        <translation>这是账目 {id} 的冲正账目。</translation>
    </message>
    <message>
        <source>Already reversed by No. {id}.</source>
        <translation>已由账目 {id} 冲正。</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>New room</source>
        <translation>新增活动室</translation>
    </message>
    <message>
        <source>Edit room</source>
        <translation>修改活动室</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>活动室名称</translation>
    </message>
    <message>
        <source>Capacity (people)</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <source>Exclusive use: one booking at a time</source>
        <translation>独占使用：同一时间只接待一个预约</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search topics, agendas, speeches, resolutions and corrections</source>
        <translation>搜索议题、议程、发言、决议和更正</translation>
    </message>
    <message>
        <source>Type a word or phrase: the minutes containing it are listed as you type, the words found highlighted.</source>
        <translation>输入字词：边输入边列出含有它的会议记录，找到的字词高亮显示。</translation>
    </message>
    <message>
        <source>Cannot search the minutes</source>
        <translation>无法搜索会议记录</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting record(s) found</source>
        <translation>
            <numerusform>找到 %n 份会议记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>没有找到“{query}”。</translation>
    </message>
    <message>
        <source>(Short words are matched anywhere in the text.)</source>
        <translation>（短词按包含查找。）</translation>
    </message>
</context>
<context>
    <name>SeriesResultDialog</name>
    <message>
        <source>Recurring booking</source>
        <translation>周期预约</translation>
    </message>
    <message>
        <source>{booked} dates booked, {skipped} skipped.</source>
        <translation>已预约 {booked} 个日期，跳过 {skipped} 个。</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Skipped (book one later with Add once it fits)</source>
        <translation>跳过的日期（条件满足后可选中补加）</translation>
    </message>
    <message>
        <source>Add the chosen date</source>
        <translation>补加选中日期</translation>
    </message>
    <message>
        <source>{date} (added)</source>
        <translation>{date}（补加）</translation>
    </message>
    <message>
        <source>{date} booked.</source>
        <translation>{date} 已预约。</translation>
    </message>
</context>
<context>
    <name>ServiceCall</name>
    <message>
        <source>Not done</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>ServiceImportDialog</name>
    <message>
        <source>Import a sign-in sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>重新选择文件…</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>Check the sheet</source>
        <translation>检查签到表</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>One line per volunteer and service. Columns, in any order: name, ID number or volunteer number, date, start time, end time, category, beneficiary, content, and the slip number if the paper has one. Other columns are ignored. Every row is checked before anything is written; imported records wait for verification like records entered by hand.</source>
        <translation>每名志愿者的每次服务占一行。列的顺序不限：姓名、公民身份号码或志愿者编号、服务日期、开始时间、结束时间、服务类别、服务对象、服务内容，纸质登记单有编号的再填登记单号；其他列不读取。写入之前先检查每一行；导入的记录和手工登记的一样，为“待核实”。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Open accounts for people who have none</source>
        <translation>为未开户的人开户</translation>
    </message>
    <message>
        <source>A member gets an account linked to the member record; anyone else is opened as a resident with the name and ID number on the sheet.</source>
        <translation>党员按党员开户（信息取自党员档案）；其他人按居民开户，使用签到表上的姓名和身份号码。</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>总行数</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>新登记</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Choose a sign-in sheet</source>
        <translation>选择签到表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking every row of “{file}”… Nothing is written yet.</source>
        <translation>正在检查“{file}”的每一行……尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Importing {count} rows…</source>
        <translation>正在导入 {count} 行……</translation>
    </message>
    <message>
        <source>Rows to correct</source>
        <translation>需要改正的行</translation>
    </message>
    <message>
        <source>Worth a look (these rows are not imported again)</source>
        <translation>请留意（这些行不会重复导入）</translation>
    </message>
    <message>
        <source>Import {count} records</source>
        <translation>导入 {count} 条记录</translation>
    </message>
    <message>
        <source>Import the {count} valid rows only</source>
        <translation>只导入有效的 {count} 行</translation>
    </message>
    <message>
        <source>“{file}”, sheet “{sheet}”, header in row {row}.</source>
        <translation>“{file}”，工作表“{sheet}”，表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>未使用的列：{columns}。</translation>
    </message>
    <message>
        <source>The sheet has no service rows under its header.</source>
        <translation>签到表的表头下面没有服务记录。</translation>
    </message>
    <message>
        <source>None of the {total} rows can be imported. Correct the sheet (the row numbers below are those Excel shows) and import it again.</source>
        <translation>{total} 行都不能导入。请改正签到表（下面的行号与 Excel 中的一致）后重新导入。</translation>
    </message>
    <message>
        <source>Every valid row was imported before: nothing new to import.</source>
        <translation>有效的行都已导入过，没有新的记录可导入。</translation>
    </message>
    <message>
        <source>All {total} rows are valid: {count} new records ({time}), waiting for verification.</source>
        <translation>{total} 行全部有效：将新登记 {count} 条记录（{time}），待核实。</translation>
    </message>
    <message>
        <source>{invalid} of {total} rows have problems (listed below with the row numbers Excel shows). Import nothing and correct the sheet, or import the {count} valid rows now ({time}).</source>
        <translation>{total} 行中有 {invalid} 行有问题（下面按 Excel 的行号列出）。可以全部不导入、改正签到表后再导入，也可以现在只导入有效的 {count} 行（{time}）。</translation>
    </message>
    <message>
        <source>Accounts that will be opened: {names}.</source>
        <translation>将开户：{names}。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>没有导入任何内容</translation>
    </message>
    <message>
        <source>The database is unchanged. Correct the sheet and import it again; rows already imported are recognised and not doubled.</source>
        <translation>数据没有任何改变。请改正签到表后重新导入；已导入过的行会被识别，不会重复登记。</translation>
    </message>
    <message>
        <source>Sign-in sheet imported</source>
        <translation>签到表已导入</translation>
    </message>
    <message>
        <source>{count} service records ({time}) were entered and wait for verification.</source>
        <translation>已登记 {count} 条服务记录（{time}），等待核实。</translation>
    </message>
    <message>
        <source>Accounts opened: {names}.</source>
        <translation>已开户：{names}。</translation>
    </message>
    <message>
        <source>{count} rows with problems were left out; correct them and import the sheet again.</source>
        <translation>有 {count} 行有问题，没有导入；改正后可重新导入这张签到表。</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <source>Record a service</source>
        <translation>登记服务</translation>
    </message>
    <message>
        <source>Volunteer: {name} ({number})</source>
        <translation>志愿者：{name}（{number}）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>e.g. Grandma Zhang, Building 3</source>
        <translation>如：3 栋张奶奶</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Ends after midnight</source>
        <translation>跨午夜</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>起止时间</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>The number on the paper slip, if any</source>
        <translation>纸质登记单上的编号（如有）</translation>
    </message>
    <message>
        <source>Slip number</source>
        <translation>登记单号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{minutes} (start to end: {span})</source>
        <translation>{minutes}（起止共 {span}）</translation>
    </message>
    <message>
        <source>Enter the date</source>
        <translation>请填写服务日期</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The database could not be opened ({error}). The details were written to the log file; please tell your technical support.</source>
        <translation>无法打开数据库（{error}）。详细信息已写入日志文件，请联系技术支持。</translation>
    </message>
    <message>
        <source>The workbench cannot start</source>
        <translation>党群服务中心工作台无法启动</translation>
    </message>
    <message>
        <source>Checking today&apos;s automatic backup …</source>
        <translation>正在检查今天的自动备份……</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup is done.</source>
        <translation>今天的自动备份已完成。</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This tab could not be opened. The details were written to the log file.</source>
        <translation>无法打开这一页。详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>SettingsTabs</name>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心信息</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Display and security</source>
        <translation>界面与安全</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Could not open the folder. Its location is: {folder}</source>
        <translation>无法打开文件夹。它的位置是：{folder}</translation>
    </message>
    <message>
        <source>Time bank</source>
        <translation>时间银行</translation>
    </message>
    <message>
        <source>Base bookings</source>
        <translation>阵地预约</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议记录</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>Opening the database …</source>
        <translation>正在打开数据库 …</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>e.g. zhangsan</source>
        <translation>例如 zhangsan</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SignTab</name>
    <message>
        <source>Host signs…</source>
        <translation>主持人签字…</translation>
    </message>
    <message>
        <source>Recorder signs…</source>
        <translation>记录人签字…</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Add correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <source>Save the meeting first.</source>
        <translation>请先保存会议信息。</translation>
    </message>
    <message>
        <source>Signed and locked on {when}; content checksum {hash}. The record no longer changes: later changes are dated corrections.</source>
        <translation>已于 {when} 签字锁定，内容校验码 {hash}。记录不再修改，之后的修改以注明日期的更正附后。</translation>
    </message>
    <message>
        <source>Draft. When both the host and the recorder have signed, the record is locked and takes only dated corrections.</source>
        <translation>草稿。主持人和记录人都签字后，记录锁定，只能添加注明日期的更正。</translation>
    </message>
    <message>
        <source>{role}: not signed</source>
        <translation>{role}：未签字</translation>
    </message>
    <message>
        <source>{role}: {name}, {when} (entered by {by})</source>
        <translation>{role}：{name}，{when}（录入人 {by}）</translation>
    </message>
    <message>
        <source>Save these tabs before signing: {tabs}</source>
        <translation>签字前请先保存：{tabs}</translation>
    </message>
    <message>
        <source>Sign the minutes</source>
        <translation>会议记录签字</translation>
    </message>
    <message>
        <source>Record that {role} {name} signed these minutes? Once both have signed, the record is locked.</source>
        <translation>确认{role}{name}已在会议记录上签字？主持人和记录人都签字后，记录锁定。</translation>
    </message>
    <message>
        <source>Cannot sign</source>
        <translation>无法签字</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The workbench cannot start</source>
        <translation>党群服务中心工作台无法启动</translation>
    </message>
    <message>
        <source>The database is missing</source>
        <translation>数据库文件不见了</translation>
    </message>
    <message>
        <source>The database file of this data directory is missing or empty, but backups of a center were found beside it. Restore the newest one?</source>
        <translation>这个数据目录的数据库文件不存在或是空的，但旁边有服务中心的备份。要恢复最新的备份吗？</translation>
    </message>
    <message>
        <source>Newest backup: {file}
Taken: {time} ({kind})
Size: {size}</source>
        <translation>最新的备份：{file}
备份时间：{time}（{kind}）
大小：{size}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>选择其他备份…</translation>
    </message>
    <message>
        <source>Create a new center anyway</source>
        <translation>仍然新建服务中心</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>dangqun backups (*.sqlite3);;All files (*)</source>
        <translation>dangqun 备份文件 (*.sqlite3);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>季</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>年</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By visitor type</source>
        <translation>按来访类型</translation>
    </message>
    <message>
        <source>Visitor type</source>
        <translation>来访类型</translation>
    </message>
    <message>
        <source>By organization</source>
        <translation>按来访组织</translation>
    </message>
    <message>
        <source>Visiting organization</source>
        <translation>来访组织</translation>
    </message>
    <message>
        <source>By menu item</source>
        <translation>按特色菜单</translation>
    </message>
    <message>
        <source>Menu item</source>
        <translation>特色菜单</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人次</translation>
    </message>
    <message numerus="yes">
        <source>Month %n</source>
        <translation>
            <numerusform>%n 月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quarter %n</source>
        <translation>
            <numerusform>第 %n 季度</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the statistics</source>
        <translation>无法读取统计</translation>
    </message>
    <message>
        <source>{scope}: {sentence} ({visits} visits, {people} people in all.)</source>
        <translation>{scope}：{sentence}（共 {visits} 批、{people} 人次。）</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot export the statistics</source>
        <translation>无法导出统计</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Suspend the account</source>
        <translation>暂停账户</translation>
    </message>
    <message>
        <source>While suspended, {who} takes no new service records and no postings. The balance and the history stay; the account can be resumed.</source>
        <translation>暂停期间，{who} 不能登记新的服务记录，也不能记账。余额和历史记录保留，可以随时恢复。</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume the account</source>
        <translation>恢复账户</translation>
    </message>
    <message>
        <source>{who} may serve, spend, give and donate again.</source>
        <translation>恢复后，{who} 可以再次登记服务、兑换、转赠和捐赠。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Close the account</source>
        <translation>注销账户</translation>
    </message>
    <message>
        <source>Closing is final: {who} takes no records or postings any more. The history, the served hours and the balance are kept and can still be printed.</source>
        <translation>注销后不能恢复：{who} 不能再登记服务或记账。历史记录、已服务时长和余额都会保留，仍可打印。</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>原因（记入操作日志）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SyncOverview</name>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>无变更</translation>
    </message>
    <message>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirmed (already imported)</source>
        <translation>已确认（此前已导入）</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Data sync</source>
        <translation>数据同步</translation>
    </message>
    <message>
        <source>Import a receipt…</source>
        <translation>导入回执…</translation>
    </message>
    <message>
        <source>Make a package for the district…</source>
        <translation>生成上报数据包…</translation>
    </message>
    <message>
        <source>No package has been made yet. First give this center&apos;s public key to the district and install the district&apos;s key; then make the first package — it holds everything, later ones only the changes.</source>
        <translation>还没有生成过上报数据包。请先把本中心公钥交给区委组织部，并安装区级公钥；然后生成第一个数据包——它包含全部数据，之后只含变更。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区级单位</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Newly confirmed</source>
        <translation>本次确认</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>已发送的数据包</translation>
    </message>
    <message>
        <source>Receipts received</source>
        <translation>收到的回执</translation>
    </message>
    <message>
        <source>District notices</source>
        <translation>区级通知</translation>
    </message>
    <message>
        <source>You may make packages, import the district&apos;s receipts and install the district key.</source>
        <translation>您可以生成上报数据包、导入区级回执、安装区级公钥。</translation>
    </message>
    <message>
        <source>You may import the district&apos;s receipts and hand out this center&apos;s public key. Making a package (it holds unmasked personal data) and installing the district key are for an administrator.</source>
        <translation>您可以导入区级回执、导出本中心公钥。生成上报数据包（含未遮盖的个人信息）和安装区级公钥需由管理员操作。</translation>
    </message>
    <message>
        <source>You may see the keys and the history and hand out this center&apos;s public key. An administrator makes packages; staff import receipts.</source>
        <translation>您可以查看密钥和记录、导出本中心公钥。上报数据包由管理员生成，回执由工作人员导入。</translation>
    </message>
    <message>
        <source>Install the district key…</source>
        <translation>安装区级公钥…</translation>
    </message>
    <message>
        <source>District key</source>
        <translation>区级公钥</translation>
    </message>
    <message>
        <source>Export this center&apos;s public key…</source>
        <translation>导出本中心公钥…</translation>
    </message>
    <message>
        <source>This center&apos;s key</source>
        <translation>本中心公钥</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Cannot read the sync status</source>
        <translation>无法读取同步状态</translation>
    </message>
    <message>
        <source>Installed: {district}, fingerprint {fingerprint}. Packages are encrypted for it and its receipts are checked against it.</source>
        <translation>已安装：{district}，指纹 {fingerprint}。数据包为其加密，回执据此核验。</translation>
    </message>
    <message>
        <source>Replace the district key…</source>
        <translation>更换区级公钥…</translation>
    </message>
    <message>
        <source>Not installed: packages travel in clear — anyone who finds the USB stick can read the personal data in them — and receipts cannot be checked. Ask the district organization department for its key file.</source>
        <translation>尚未安装：数据包以明文传送——捡到U盘的人都能读到其中的个人信息——回执也无法核验。请向区委组织部索取公钥文件。</translation>
    </message>
    <message>
        <source>Fingerprint {fingerprint}. Give the public key file to the district and read it the fingerprint by phone, so it knows the file is yours.</source>
        <translation>指纹 {fingerprint}。请把公钥文件交给区委组织部，并电话念一遍指纹，以便区里确认文件确为本中心所发。</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>incremental</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>{kind}, not encrypted</source>
        <translation>{kind}，未加密</translation>
    </message>
    <message>
        <source>Packages sent ({waiting} awaiting confirmation)</source>
        <translation>已发送的数据包（{waiting} 个待确认）</translation>
    </message>
    <message>
        <source>Import a receipt from the district</source>
        <translation>导入区级回执</translation>
    </message>
    <message>
        <source>District receipts (*{suffix})</source>
        <translation>区级回执 (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot import the receipt</source>
        <translation>无法导入回执</translation>
    </message>
    <message>
        <source>Receipt imported</source>
        <translation>回执已导入</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Receipt from {district}.</source>
        <translation>{district}的回执。</translation>
    </message>
    <message>
        <source>Confirmed now: package no. {numbers}.</source>
        <translation>本次确认：第 {numbers} 号数据包。</translation>
    </message>
    <message>
        <source>It confirms no package that was still awaiting confirmation.</source>
        <translation>没有确认任何待确认的数据包。</translation>
    </message>
    <message>
        <source>Confirmed before: package no. {numbers}.</source>
        <translation>此前已确认：第 {numbers} 号数据包。</translation>
    </message>
    <message>
        <source>Not made by this database: package no. {numbers}. They stay unconfirmed; their changes travel in the next package.</source>
        <translation>不是本数据库生成的：第 {numbers} 号数据包。它们不予确认，其中的变更会随下一个数据包再次上报。</translation>
    </message>
    <message>
        <source>Install the district&apos;s public key</source>
        <translation>安装区级公钥</translation>
    </message>
    <message>
        <source>Public key files (*{suffix})</source>
        <translation>公钥文件 (*{suffix})</translation>
    </message>
    <message>
        <source>Replace the district key?</source>
        <translation>更换区级公钥？</translation>
    </message>
    <message>
        <source>The key of {district} is installed. Replace it only when the district has made new keys and told you so.</source>
        <translation>已安装{district}的公钥。只有区里更换了密钥并通知本中心时才需更换。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Cannot install the district key</source>
        <translation>无法安装区级公钥</translation>
    </message>
    <message>
        <source>District key installed</source>
        <translation>区级公钥已安装</translation>
    </message>
    <message>
        <source>The key of {district} is installed, fingerprint {fingerprint}. Compare it with the one the district gave you; from now on packages are encrypted for it.</source>
        <translation>已安装{district}的公钥，指纹 {fingerprint}。请与区里告知的指纹核对；今后的数据包将为其加密。</translation>
    </message>
    <message>
        <source>Save this center&apos;s public key in</source>
        <translation>本中心公钥保存到</translation>
    </message>
    <message>
        <source>Cannot save the public key</source>
        <translation>无法保存公钥</translation>
    </message>
    <message>
        <source>Public key saved</source>
        <translation>公钥已保存</translation>
    </message>
    <message>
        <source>Saved as {path}. Hand it to the district with the fingerprint {fingerprint}.</source>
        <translation>已保存为 {path}。请交给区委组织部，并告知指纹 {fingerprint}。</translation>
    </message>
</context>
<context>
    <name>TimeBankPage</name>
    <message>
        <source>Accounts</source>
        <translation>志愿者账户</translation>
    </message>
    <message>
        <source>Pending verification</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Time bank</source>
        <translation>时间银行</translation>
    </message>
    <message>
        <source>Open account…</source>
        <translation>开户…</translation>
    </message>
    <message>
        <source>Record service…</source>
        <translation>登记服务…</translation>
    </message>
    <message>
        <source>Batch entry…</source>
        <translation>批量登记…</translation>
    </message>
    <message>
        <source>Import sign-in sheet…</source>
        <translation>导入签到表…</translation>
    </message>
    <message>
        <source>Find: name, volunteer number or a member&apos;s pinyin (e.g. zsf)</source>
        <translation>查找：姓名、志愿者编号或党员的拼音（如 zsf）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>Spendable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Personal data, the latest service and movements (double-click or Enter)</source>
        <translation>个人信息、最近服务和收支明细（也可双击或按回车）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Close account…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Spend, give or donate</source>
        <translation>兑换、转赠或捐赠</translation>
    </message>
    <message>
        <source>Spend on the catalogue…</source>
        <translation>兑换…</translation>
    </message>
    <message>
        <source>Give to another volunteer…</source>
        <translation>转赠给其他志愿者…</translation>
    </message>
    <message>
        <source>Donate to the pool…</source>
        <translation>捐赠到公益池…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Passbook statement…</source>
        <translation>存折对账单…</translation>
    </message>
    <message>
        <source>Volunteer service certificate…</source>
        <translation>志愿服务证明…</translation>
    </message>
    <message>
        <source>Choose a volunteer to see the balances and history.</source>
        <translation>选择一名志愿者，查看余额和历史记录。</translation>
    </message>
    <message>
        <source>Community service report to the home organization…</source>
        <translation>双报告（向所在党组织报告社区服务）…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>还没有账户</translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation>共 {count} 个账户</translation>
    </message>
    <message>
        <source>No volunteer has an account yet. Open one for a party member or a resident with “{open}”.</source>
        <translation>还没有志愿者开户。请用“{open}”为党员或居民开立账户。</translation>
    </message>
    <message>
        <source>No volunteer has an account yet; staff open them.</source>
        <translation>还没有志愿者开户；账户由工作人员开立。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Choose a volunteer whose account is active</source>
        <translation>请先选择一名账户正常的志愿者</translation>
    </message>
    <message>
        <source>Pending verification ({count})</source>
        <translation>待核实（{count}）</translation>
    </message>
    <message>
        <source>{count} records to verify</source>
        <translation>{count} 条记录待核实</translation>
    </message>
    <message>
        <source>Service records credit no hours until someone verifies them.</source>
        <translation>服务记录核实后才计入时长。</translation>
    </message>
</context>
<context>
    <name>TimebankPrint</name>
    <message>
        <source>Passbook {start} to {end}</source>
        <translation>时间银行存折 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Volunteer service certificate</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <source>Community service report to the home organization</source>
        <translation>在职党员社区服务情况报告（双报告）</translation>
    </message>
    <message>
        <source>Volunteer service certificates of the activity</source>
        <translation>本次活动的志愿服务证明</translation>
    </message>
</context>
<context>
    <name>TimebankTab</name>
    <message>
        <source>Service categories</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Categories are never deleted: a retired category keeps its records and only stops being offered for new ones.</source>
        <translation>服务类别不能删除：停用的类别保留已有记录，只是登记新记录时不再列出。</translation>
    </message>
    <message>
        <source>Category name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Limits and verification</source>
        <translation>额度与核实</translation>
    </message>
    <message>
        <source>Overdraft allowed</source>
        <translation>允许透支</translation>
    </message>
    <message>
        <source>0: a balance never goes below zero.</source>
        <translation>0 为余额不能为负。</translation>
    </message>
    <message>
        <source>Warn when less than</source>
        <translation>余额提醒线</translation>
    </message>
    <message>
        <source>above the lowest balance allowed, the desk is warned before posting.</source>
        <translation>记账后余额离下限不足这么多时，先提醒再记账。</translation>
    </message>
    <message>
        <source>Most service a day</source>
        <translation>每日服务上限</translation>
    </message>
    <message>
        <source>per volunteer and service date (never more than 24 hours).</source>
        <translation>每名志愿者每个服务日（不会超过 24 小时）。</translation>
    </message>
    <message>
        <source>Most service a year</source>
        <translation>每年服务上限</translation>
    </message>
    <message>
        <source>per volunteer and calendar year; 0: no yearly cap.</source>
        <translation>每名志愿者每个自然年；0 为不限。</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Who verifies a record</source>
        <translation>服务记录的核实人</translation>
    </message>
    <message>
        <source>Time bank</source>
        <translation>时间银行</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>With two or more active administrator or staff accounts, a record is verified by someone other than the person who entered it; a center with one person at the desk verifies its own.</source>
        <translation>中心有两名及以上在用的管理员或工作人员账户时，服务记录须由录入人以外的人核实；只有一人值班的中心可自己核实。</translation>
    </message>
    <message>
        <source>A record is always verified by someone other than the person who entered it.</source>
        <translation>服务记录始终须由录入人以外的人核实。</translation>
    </message>
    <message>
        <source>The person who entered a record may verify it. Only for a center where one person does everything.</source>
        <translation>录入人可以自己核实。仅适用于只有一人办理全部业务的中心。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Added “{name}”.</source>
        <translation>已新增“{name}”。</translation>
    </message>
    <message>
        <source>Renamed to “{name}”.</source>
        <translation>已改名为“{name}”。</translation>
    </message>
    <message>
        <source>Restored “{name}”.</source>
        <translation>已恢复“{name}”。</translation>
    </message>
    <message>
        <source>Retired “{name}”.</source>
        <translation>已停用“{name}”。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Exchange minutes</source>
        <translation>时间兑换</translation>
    </message>
    <message>
        <source>Give minutes</source>
        <translation>时间转赠</translation>
    </message>
    <message>
        <source>Donate to the public pool</source>
        <translation>捐赠到公益池</translation>
    </message>
    <message>
        <source>The volunteer spends minutes on an item or a service from the center&apos;s exchange catalogue. Minutes served stay on the certificate.</source>
        <translation>志愿者用时长兑换中心兑换目录中的物品或服务。已服务时长不变，仍计入志愿服务证明。</translation>
    </message>
    <message>
        <source>Minutes go to another volunteer, e.g. a relative. Giving does not reduce the minutes the giver has served.</source>
        <translation>时长转给另一名志愿者，如亲属。转赠不减少转出人的已服务时长。</translation>
    </message>
    <message>
        <source>Minutes go to the center&apos;s public pool, for residents who need help. Donating does not reduce the minutes served.</source>
        <translation>时长捐入中心的公益池，用于帮助有需要的居民。捐赠不减少已服务时长。</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>e.g. 爱心米 5 斤, 理发一次</source>
        <translation>如：爱心米 5 斤、理发一次</translation>
    </message>
    <message>
        <source>Exchanged for</source>
        <translation>兑换内容</translation>
    </message>
    <message>
        <source>Optional, e.g. to my mother</source>
        <translation>选填，如：转给母亲</translation>
    </message>
    <message>
        <source>Give to</source>
        <translation>转赠给</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>附言</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>记账</translation>
    </message>
    <message>
        <source>Spendable {spendable} · served {served} · pending {pending}</source>
        <translation>可用 {spendable} · 已服务 {served} · 待核实 {pending}</translation>
    </message>
    <message>
        <source>Choose the volunteer first.</source>
        <translation>请先选择志愿者</translation>
    </message>
    <message>
        <source>Choose the volunteer who receives.</source>
        <translation>请选择接受转赠的志愿者</translation>
    </message>
    <message>
        <source>Post anyway</source>
        <translation>仍然记账</translation>
    </message>
    <message>
        <source>the balance may not go below zero</source>
        <translation>余额不能为负</translation>
    </message>
    <message>
        <source>the overdraft allowed is {limit}</source>
        <translation>最多透支 {limit}</translation>
    </message>
    <message>
        <source>Not enough minutes: the balance is {balance}, this needs {minutes}; {allowed}.</source>
        <translation>余额不足：现有 {balance}，本次需要 {minutes}，{allowed}。</translation>
    </message>
    <message>
        <source>After this the balance is {after}, close to the lowest allowed ({floor}). Post all the same?</source>
        <translation>记账后余额为 {after}，接近允许的下限（{floor}）。仍然记账吗？</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>至少 {count} 位</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit user {username}</source>
        <translation>编辑用户 {username}</translation>
    </message>
    <message>
        <source>; ID numbers, phones and addresses are shown masked</source>
        <translation>；身份证号、电话和住址隐藏显示</translation>
    </message>
    <message>
        <source>{role}: may {permissions}{masked}</source>
        <translation>{role}：可以{permissions}{masked}</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Letters and digits, e.g. zhangsan</source>
        <translation>英文字母或数字，例如 zhangsan</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Enabled (can sign in)</source>
        <translation>启用（可以登录）</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The password of {name} has been reset. They can sign in with it now.</source>
        <translation>{name} 的密码已重置，现在可以用新密码登录。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable the account of {name} ({username})?</source>
        <translation>停用 {name}（{username}）的账户吗？</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in. Everything they recorded is kept, and the account can be enabled again at any time.</source>
        <translation>停用后该用户不能登录，其录入的数据全部保留；以后可以随时重新启用。</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Double-click a user to edit. A disabled user cannot sign in; everything they recorded is kept.</source>
        <translation>双击用户可以编辑。停用的用户不能登录，其录入的数据全部保留。</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <source>Verify</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Pending verification</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>{total} records wait; the oldest {shown} are listed</source>
        <translation>共 {total} 条待核实，列出最早的 {shown} 条</translation>
    </message>
    <message>
        <source>{total} records wait for verification</source>
        <translation>共 {total} 条记录待核实</translation>
    </message>
    <message>
        <source>A record is verified by another staff member than the one who entered it (the center has two or more staff). Only verified service credits hours.</source>
        <translation>服务记录须由录入人以外的工作人员核实（中心有两名及以上工作人员）。核实后才计入时长。</translation>
    </message>
    <message>
        <source>Whoever enters a record may also verify it. Only verified service credits hours.</source>
        <translation>录入人也可以核实自己录入的记录。核实后才计入时长。</translation>
    </message>
    <message>
        <source>Verified: {minutes} credited.</source>
        <translation>已核实：存入 {minutes}。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Type the check code printed beside the QR code (e.g. ZRAE-XX7Q-EVPI-YUX2), or scan the QR code into the field.</source>
        <translation>输入文书上二维码旁的核验码（如 ZRAE-XX7Q-EVPI-YUX2），或用扫码枪扫描二维码到输入框。</translation>
    </message>
    <message>
        <source>Check code or QR text</source>
        <translation>核验码或二维码内容</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Open a time bank account</source>
        <translation>开立时间银行账户</translation>
    </message>
    <message>
        <source>Edit volunteer {number}</source>
        <translation>修改志愿者 {number}</translation>
    </message>
    <message>
        <source>e.g. haircut, chatting, repairs</source>
        <translation>如：理发、陪聊、维修</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>e.g. grid 1, grid 2</source>
        <translation>如：第一网格、第二网格</translation>
    </message>
    <message>
        <source>Service areas</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>A resident who is not a member</source>
        <translation>非党员居民</translation>
    </message>
    <message>
        <source>Find the member: name or pinyin (e.g. zsf)</source>
        <translation>查找党员：姓名或拼音（如 zsf）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Citizen ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>{name} — name, ID number, phone and address come from the member record and are corrected in “{members}”.</source>
        <translation>{name}——姓名、身份号码、电话和住址取自党员档案，请在“{members}”中修改。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员管理</translation>
    </message>
    <message>
        <source>{name}  {branch}  {id_number}</source>
        <translation>{name}  {branch}  {id_number}</translation>
    </message>
    <message>
        <source>No member matches.</source>
        <translation>没有符合的党员。</translation>
    </message>
    <message>
        <source>Chosen: {member}</source>
        <translation>已选择：{member}</translation>
    </message>
    <message>
        <source>Find and choose the member first</source>
        <translation>请先查找并选择要开户的党员</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <source>Volunteer number or name</source>
        <translation>志愿者编号或姓名</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No active volunteer matches.</source>
        <translation>没有相符的正常状态志愿者。</translation>
    </message>
</context>
<context>
    <name>VolunteerTableModel</name>
    <message>
        <source>Volunteer no.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>Spendable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message>
        <source>Room</source>
        <translation>活动室</translation>
    </message>
    <message>
        <source>‹ Previous week</source>
        <translation>‹ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ›</source>
        <translation>下一周 ›</translation>
    </message>
    <message>
        <source>Click an empty slot (or move with the arrow keys and press Enter) to book it; click a booking to see it.</source>
        <translation>点击空闲时段（或用方向键移动后按回车）即可预约；点击预约查看详情。</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>周历</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>{room}: holds {capacity} people, one booking at a time</source>
        <translation>{room}：容纳 {capacity} 人，一次只接待一个预约</translation>
    </message>
    <message>
        <source>{room}: holds {capacity} people; bookings share it</source>
        <translation>{room}：容纳 {capacity} 人，多个预约可共用</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Service Center Workbench</source>
        <translation>党群服务中心工作台</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
</context>
</TS>
