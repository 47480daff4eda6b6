# 项目记录：记录可能出现的问题（src/record/error.rs）。

record-not_utf8 = 记录不是有效的 UTF-8 文本：第 { $offset } 个字节（`{ $byte }`）不属于任何 UTF-8 字符
    .help = 请将记录另存为 UTF-8 编码（最好不带 BOM）；GBK 文件可用 `iconv -f GBK -t UTF-8 原文件 > 新文件` 转换
    .span = 此处应为 UTF-8 文本

record-syntax = 记录不是有效的 YAML：{ $message }
    .span = YAML 解析在此处停止

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

record-duplicate_key = 字段 `{ $path }` 重复
    .help = 每个字段只写一次；请删去其中一个
    .span = 此处再次出现
    .first = 第一次出现在这里

record-unknown_field = 未知字段 `{ $path }`
    .span = 不是{ $within }的字段
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-fields = { $within }的字段有：{ $fields }

record-shape = `{ $path }` 应为{ $expected }，实为{ $found }
    .span = 此处应为{ $expected }

record-missing = 缺少必填字段 `{ $path }`
    .span = { $why }

record-not_integer = `{ $path }` 应为整数，实为 `{ $found }`
    .help = 请只写数字（可带正负号），例如 `2020`
    .span = 不是整数

record-quoted = `{ $path }` 应为{ $expected }，实为加了引号的文本 `{ $found }`
    .help = 请去掉引号：加引号的值是文本
    .span = 加了引号

record-out_of_range = `{ $path }` 的值 `{ $found }` 超出规则包允许的范围
    .help = `{ $path }` 应在 { $low } 与 { $high } 之间
    .span = 不在 { $low } 与 { $high } 之间

record-money_overflow = `{ $path }` 的金额 `{ $found }` 过大，无法精确读取
    .help = 金额最多 28 位数字；请检查是否多写了零
    .span = 过大

record-integer_overflow = `{ $path }` 的数字 `{ $found }` 超出范围
    .help = 整数应在 -9223372036854775808 与 9223372036854775807 之间
    .span = 超出范围

record-not_money = `{ $path }` 应为金额，实为 `{ $found }`
    .help = 金额以元为单位，如 `3200000` 或 `3200000.50`，也可写成带引号的 `"320万元"` 或 `"3,200,000元"`
    .span = 不是金额

record-negative_money = `{ $path }` 的金额不能小于 0，实为 `{ $found }`
    .span = 负数

record-not_date = `{ $path }` 应为 `YYYY-MM-DD` 格式的日期，实为 `{ $found }`
    .help = 日期写作 `YYYY-MM-DD`，月、日不足两位补零，例如 `2019-07-02`
    .span = 不是 `YYYY-MM-DD` 格式的日期

record-not_month_day = `{ $path }` 应为 `MM-DD` 格式的月日，实为 `{ $found }`
    .help = 月日写作 `MM-DD`，不足两位补零，例如 `12-31`
    .span = 不是 `MM-DD` 格式的月日

record-no_such_day = `{ $path }` 的 `{ $found }` 不是日历上的日期：{ $reason }
    .span = 没有这一天

record-not_bool = `{ $path }` 应为 `true`（是）或 `false`（否），实为 `{ $found }`
    .help = 请写 `true` 或 `false`；尚不确定时可不填此字段
    .span = 不是 `true` 或 `false`

record-unknown_term = `{ $path }` 应为词表“{ $vocabulary }”中的词，实为 `{ $found }`
    .span = 不在词表“{ $vocabulary }”中
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-terms = 可选的词有：{ $terms }

record-unsupported_type = 字段 `{ $path }` 的类型为 { $ty }，记录无法提供这种值
    .help = 这是规则包字段定义的问题，不是记录的问题
    .span = 无法读取

## 以上消息中的短语。

# 在应为别的内容处实际见到的内容。
record-found-null = 空值（null）
record-found-value = `{ $value }`
record-found-list = 列表
record-found-mapping = 映射
record-found-alias = 别名

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
