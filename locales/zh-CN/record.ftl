# 项目记录：记录可能出现的问题（src/record/error.rs）。

record-not_utf8 = 记录不是有效的 UTF-8 文本：第 { $offset } 个字节（`{ $byte }`）不属于任何 UTF-8 字符
    .help = 请将记录另存为 UTF-8 编码（最好不带 BOM）；GBK 文件可用 `iconv -f GBK -t UTF-8 原文件 > 新文件` 转换
    .span = 此处应为 UTF-8 文本

record-gb18030 = 记录是用 GBK（GB18030）编码保存的，不是 UTF-8
    .help = 请转换为 UTF-8 后再读：`iconv -f GB18030 -t UTF-8 { $file } > { $converted }`；或在编辑器中“另存为”，编码选 UTF-8
    .span = 从这里起不是 UTF-8 文本

record-full_width = 这里用了全角的 `{ $found }`，YAML 只认半角的 `{ $expected }`
    .help = 请切换到英文（半角）标点后改为：`{ $fixed }`
    .span = 全角的 `{ $found }`

record-tab = YAML 缩进只能用空格，不能用 Tab 键
    .help = 请把行首的 Tab 换成空格；同一层的字段用同样多的空格对齐
    .span = 这里是一个 Tab

record-thousands_separator = { $field }的金额 `{ $found }` 带了千位分隔符，花括号里的逗号会被当作字段之间的分隔
    .help = 请去掉逗号写成 `{ $digits }`，或加引号写成 `"{ $found }"`
    .span = 带千位分隔符的数字

record-syntax = 记录不是有效的 YAML：{ $message }
    .span = YAML 解析在此处停止
    .hint-colon = 这一行多了一个冒号 `:`，或缩进没有对齐：值里含有 `: ` 时请给整个值加引号
    .hint-no_colon = 这一行缺少字段名后的冒号：请写成 `字段: 值`（半角冒号，后跟一个空格）
    .hint-unclosed_list = 方括号 `[` 没有配对的 `]`，或列表各项之间缺少半角逗号 `,`
    .hint-unclosed_mapping = 花括号 `{"{"}` 没有配对的 `{"}"}`，或字段之间缺少半角逗号 `,`
    .hint-indentation = 缩进没有对齐：同一层的字段应从同一列开始，下一层的字段多缩进两个空格
    .hint-quote = 引号没有配对：请检查值两边的引号是否成对，且都是半角的 `"` 或 `'`
    .hint-unclosed_flow = 前面某一行的 `[` 或 `{"{"}` 可能没有配对的 `]` 或 `{"}"}`；若不是，请给含 `:` 的值加引号
    .hint-tab = YAML 缩进只能用空格，不能用 Tab 键

record-json_syntax = 记录不是有效的 JSON：{ $message }
    .span = JSON 解析在此处停止

record-too_deep = 记录嵌套超过 { $limit } 层
    .help = 项目记录只需几层嵌套
    .span = 此处多嵌套了一层

record-anchor = 记录中不允许使用锚点（`&名称`）
    .help = 请把每个值完整写出；记录按所写内容读取
    .span = 此值带有锚点

record-alias = 记录中不允许使用别名（`*名称`）
    .help = 请把值完整写出，不要引用其他值
    .span = 别名

record-tag = 记录中不允许使用标签，此处为 `{ $tag }`
    .help = 请删除标签：每个值如何读取由规则包的字段定义决定
    .span = 此值带有标签

record-second_document = 一个记录文件只能有一个 YAML 文档，此处出现了第二个
    .help = 请把每条记录放在单独的文件中
    .span = 第二个文档从这里开始

record-empty = 记录是空的
    .span = 此处应为字段映射
    .hint-yaml = { record-shape-yaml }
    .hint-json = { record-shape-json }

record-not_a_mapping = 记录应为字段映射，实为{ $found }
    .span = 此处应为映射
    .hint-yaml = { record-shape-yaml }
    .hint-json = { record-shape-json }

record-shape-yaml = 记录是由字段组成的 YAML 映射，每行一个 `字段: 值`
record-shape-json = JSON 记录是一个由字段组成的对象：`{"{"}"字段": 值, …{"}"}`

record-non_scalar_key = { $within }中的键应为字段名，实为{ $found }
    .span = 不是字段名

record-duplicate_key = 字段{ $field }重复
    .help = 每个字段只写一次；请删去其中一个
    .span = 此处再次出现
    .first = 第一次出现在这里

record-unknown_field = 未知字段：{ $field }
    .span = 不是{ $within }的字段
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-fields = { $within }的字段有：{ $fields }

record-shape = { $field }应为{ $expected }，实为{ $found }
    .span = 此处应为{ $expected }
    .hint-list = { $field }是列表，请写成 `{ $list }`（方括号、半角逗号）

record-missing = 缺少必填字段：{ $field }
    .span = { $why }

record-not_integer = { $field }应为整数，实为 `{ $found }`
    .help = 请只写数字（可带正负号），例如 `2020`
    .span = 不是整数

record-quoted = { $field }应为{ $expected }，实为加了引号的文本 `{ $found }`
    .help = 请去掉引号：加引号的值是文本
    .span = 加了引号

record-out_of_range = { $field }的值 `{ $found }` 超出规则包允许的范围
    .help = { $field }应在 { $low } 与 { $high } 之间
    .span = 不在 { $low } 与 { $high } 之间

record-key_in_value = `{ $key }` 这一行被读成了{ $field }的值的一部分，而不是字段 `{ $key }`
    .help = 这一行比上面的 `{ $path }` 缩进更深，接续了它的值；请让 `{ $key }` 与 `{ $path }` 左端对齐，其后写半角冒号和空格 `: `；若这一行确是文字的一部分，请给整段文字加引号
    .span = 被读作上一行的值的延续

record-money_overflow = { $field }的金额 `{ $found }` 过大，无法精确读取
    .help = 金额最多 28 位数字；请检查是否多写了零
    .span = 过大

record-integer_overflow = { $field }的数字 `{ $found }` 超出范围
    .help = 整数应在 -9223372036854775808 与 9223372036854775807 之间
    .span = 超出范围

record-not_money = { $field }应为金额，实为 `{ $found }`
    .help = 金额以元为单位，如 `3200000` 或 `3200000.50`，也可写成带引号的 `"320万元"` 或 `"3,200,000元"`
    .span = 不是金额

record-negative_money = { $field }的金额不能小于 0，实为 `{ $found }`
    .span = 负数

record-not_date = { $field }应为 `YYYY-MM-DD` 格式的日期，实为 `{ $found }`
    .help = 日期写作 `YYYY-MM-DD`，月、日不足两位补零，例如 `2019-07-02`
    .span = 不是 `YYYY-MM-DD` 格式的日期

record-not_month_day = { $field }应为 `MM-DD` 格式的月日，实为 `{ $found }`
    .help = 月日写作 `MM-DD`，不足两位补零，例如 `12-31`
    .span = 不是 `MM-DD` 格式的月日

record-no_such_day = { $field }的 `{ $found }` 不是日历上的日期：{ $reason }
    .span = 没有这一天

record-not_bool = { $field }应为 `true`（是）或 `false`（否），实为 `{ $found }`
    .help = 请写 `true` 或 `false`；尚不确定时可不填此字段
    .span = 不是 `true` 或 `false`

record-unknown_term = { $field }应为词表“{ $vocabulary }”中的词，实为 `{ $found }`
    .span = 不在词表“{ $vocabulary }”中
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-terms = 可选的词有：{ $terms }
    .hint-candidates = 以 `{ $found }` 开头的词有：{ $candidates }
    .hint-items = 列表的各项用半角逗号分隔：`[{ $items }]`

record-unsupported_type = 字段{ $field }的类型为{ $ty ->
        [undeclared_vocabulary] 未声明的词表
       *[other] { $ty }
    }，记录无法提供这种值
    .help = 这是规则包字段定义的问题，不是记录的问题
    .span = 无法读取

## 以上消息中的短语。

# 在应为别的内容处实际见到的内容。
record-found-null = 空值（null）
record-found-value = `{ $value }`
record-found-list = 列表
record-found-mapping = 映射
record-found-alias = 别名

# 消息中的字段：有说明的用说明，括号里是路径。
record-field-labelled = { $label }（{ $path }）
record-field-path = `{ $path }`

# 键所在的映射。
record-within-record = 记录
record-within-group = `{ $path }`

# 必填字段为何在此处缺失。
record-why-empty = `{ $name }` 为空
record-why-absent = { $within }中没有 `{ $name }`
record-why-required-when = 在 { $condition } 时必填

# 某类型的值是什么样子。
record-type-text = 文本
record-type-integer = 整数
record-type-money = 金额
record-type-date = `YYYY-MM-DD` 格式的日期
record-type-month_day = `MM-DD` 格式的月日
record-type-period = 期间
record-type-bool = `true` 或 `false`
record-type-term = 词表“{ $vocabulary }”中的词
record-type-any_term = 词表中的词
record-type-list = 列表（每项为{ $item }）
record-type-rows = 由映射组成的列表
record-type-group = 字段映射

# 日期为何不在日历上。
record-calendar-no_month = 没有 { $month } 月
record-calendar-day_zero = 日从 01 开始编号
record-calendar-month_days = { $year } 年 { $month } 月只有 { $days } 天
record-calendar-month_at_most = { $month } 月最多 { $days } 天
record-calendar-year = 年份 { $year } 超出范围

# JSON 解析器期望的内容（record-json_syntax）。
record-json-unexpected = 此处应为{ $expected }，实为{ $found }
record-json-end_of_text = 文本结尾
record-json-text = 文本
record-json-value = 一个值
record-json-single_quotes = 一个值（JSON 字符串用双引号）
record-json-field_name = 用双引号括起的字段名
record-json-colon = 字段名后的 `:`
record-json-after_value = 记录的值之后的文本结尾
record-json-next_in_object = `,` 或 `{"}"}`
record-json-next_in_array = `,` 或 `]`
record-json-unclosed_string = 字符串没有结束
record-json-line_break = 字符串在行内没有结束（字符串中的换行写作 `\n`）
record-json-control_character = 字符串中有控制字符：请写成转义形式，如 `\t`
record-json-unknown_escape = `{ $written }` 不是 JSON 的转义
record-json-half_surrogate = `{ $written }` 只是代理对的一半，不是一个字符
record-json-unicode_escape = `\u` 转义应有四位十六进制数字，例如 `\u4e2d`
record-json-not_a_number = `{ $written }` 不是 JSON 数字
record-json-unknown_word = 此处应为一个值，实为 `{ $written }`（JSON 只认识 `true`、`false` 和 `null`）

# 台账（表格，src/record/table）：整个文件的问题与单元格的问题。

record-table_unreadable = 无法读取表格文件 `{ $file }`
    .span = 文件从这里开始
    .hint-not_xlsx = 这不是 .xlsx 格式的工作簿，或文件不完整、已损坏：请用 Excel 或 WPS 打开后“另存为” .xlsx 文件（旧的 .xls 文件也请另存为 .xlsx）
    .hint-password = 工作簿设有打开密码：请取消密码后另存一份再读取
    .hint-damaged = 文件内容已损坏（{ $detail }）：请用 Excel 或 WPS 打开后重新保存

record-table_too_large = 表格文件太大，无法读取
    .span = 从这里开始
    .hint-rows = 一张工作表最多 { $limit } 行
    .hint-columns = 一张工作表最多 { $limit } 列
    .hint-cells = 一个文件最多读取 { $limit } 个有内容的单元格：请把台账拆分成几个文件
    .hint-bytes = 一个文件最大为 { $limit }：请把台账拆分成几个文件
    .hint-inflated = 工作簿解压后最大为 { $limit }：请把台账拆分成几个文件

record-table_empty = 表格文件 `{ $file }` 中没有表头行
    .span = 文件从这里开始
    .help = 台账的第一行是表头，每个单元格写一个字段的路径或字段说明；以下每一行是一个项目

record-unknown_column = 表头 `{ $header }` 不是记录的字段
    .span = 未知的列
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-group = `{ $header }` 是一组字段，请为其中每个字段各设一列：{ $fields }
    .help = 表头写字段的路径（用 `.` 连接各级，如 `分组.字段`），或规则包中该字段的说明；字段表可用 `banfa schema` 查看

record-ambiguous_column = 表头 `{ $header }` 是多个字段的说明，无法确定是哪一个
    .span = 不明确的列
    .help = 请改写为字段路径：{ $fields }

record-duplicate_column = 字段{ $field }有两列
    .help = 每个字段只设一列；请删去或合并其中一列
    .span = 又一列
    .first = 第一列

record-unnamed_column = { $column } 列有内容，但表头是空的
    .span = 此处应写表头
    .help = 请在表头行写上该列对应的字段，或删去该列的内容

record-rows_column = { $field }是由多条子记录组成的列表，无法写在一个单元格中
    .span = 此列无法读取
    .help = 请在 YAML 或 JSON 记录中填写这个字段，并从台账中删去这一列

record-error_cell = 单元格中是表格的错误值 `{ $found }`，不是{ $field }的值
    .span = 错误值
    .help = 这通常是公式出错所致：请修正公式，或直接填写数值

record-time_in_cell = { $field }的单元格中是带时刻的日期 `{ $found }`
    .span = 带有时刻
    .help = 记录中的日期只记到日：请把单元格改为只含日期，如 `2020-08-14`

record-empty_item = { $field }的列表 `{ $found }` 中有空项
    .span = 此处缺少一项
    .help = 各项之间用 `、`、`，` 或 `,` 分隔，每项都要有内容：请删去多余的分隔符
