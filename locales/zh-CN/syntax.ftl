# 无法解析的规则文件（src/syntax/error.rs）。

syntax-unexpected = 此处应为{ $expected }，实为{ $found }
    .span = 此处
    .hint-help = { $help }

syntax-invalid_literal = `{ $text }` 不是有效的{ $kind ->
        [date] 日期
        [month_day] 月日
       *[number] 数字
    }
    .span = 不是有效的{ $kind ->
        [date] 日期
        [month_day] 月日
       *[number] 数字
    }
    .hint-date = 日期写作 `YYYY-MM-DD`，且须是日历上存在的日子
    .hint-month_day = 月日写作 `MM-DD`，如 `12-31`

syntax-duplicate_entry = `{ $entry }` 写了不止一次
    .help = 只保留一个；一条规则至多有一个 `applies`、`due` 和 `unknown says`
    .span = 此处再次出现
    .first = 第一次出现在这里

syntax-too_complex = 此表达式过于复杂：{ $what }
    .help = 请拆分：用 `fact` 或 `let` 为其中的部分命名
    .span = 此表达式

syntax-unclosed_interpolation = 消息中的 `{"{"}` 没有闭合
    .help = 请用 `{"}"}` 闭合插值，或写 `{"{{"}` 表示字面的花括号
    .span = 在此处开始

## 以上消息中的短语。

# 表达式超出的限度（syntax-too_complex）。
syntax-limit-operators = 运算符超过 { $limit } 个
syntax-limit-nesting = 嵌套超过 { $limit } 层
syntax-limit-depth = 层级超过 { $limit } 层
syntax-limit-parser = 嵌套深度超出解析器所能读取的范围

# 语法所期望的内容（syntax-unexpected），连接为“甲、乙或丙”。
syntax-list-comma = { $first }、{ $rest }
syntax-list-or = { $init }或{ $last }
syntax-verbatim = { $text }
syntax-expected-close_rule = 闭合上一条规则的 `{"}"}`
syntax-expected-closing_quote = 行末之前闭合字符串的 `"`
syntax-expected-ascii = 半角（ASCII）标点
syntax-name-something_else = 其他内容
syntax-name-end_of_file = 文件末尾
syntax-name-override = `override`
syntax-name-declaration = 声明（`pack`、`vocabulary`、`record`、`article`、`parameter`、`fact`、`scope`、`requirement`、`suspension` 或 `advisory`）
syntax-name-name = 名称
syntax-name-rule_id = 规则编号，如 `declaration.on_time`
syntax-name-cites = `cites`
syntax-name-says = `says`
syntax-name-records_same = `records with the same`
syntax-name-open_brace = `{"{"}`
syntax-name-close_brace = `{"}"}`
syntax-name-class = `class`
syntax-name-date = 日期（`2017-09-07`）
syntax-name-month_day = 月日（`12-31`）
syntax-name-version = 版本号（`2017.1`）
syntax-name-number = 数字
syntax-name-boolean = `true` 或 `false`
syntax-name-string = 带引号的字符串
syntax-name-message = 带引号的消息
syntax-name-close_interpolation = 闭合消息中 `{"{"}…{"}"}` 的 `{"}"}`
syntax-name-extends = `extends`
syntax-name-header_entry = 包头条目（`edition`、`version`、`effective` …）
syntax-name-field = 字段
syntax-name-type = 类型
syntax-name-required = `required`
syntax-name-default = `default`
syntax-name-between = `between`
syntax-name-value = 值
syntax-name-text = `text`
syntax-name-item = `item`
syntax-name-item_label = 项的编号，如 `(三)`
syntax-name-close_paren = `)`
syntax-name-cite = 条文，如 `第8条`
syntax-name-applies = `applies when`
syntax-name-let = `let`
syntax-name-due = `due`
syntax-name-outcome = 结论（`pass`、`fail`、`pending`、`note`、`not_applicable`）
syntax-name-when = `when`
syntax-name-otherwise = `otherwise`
syntax-name-unknown_says = `unknown says`
syntax-name-expression = 表达式
syntax-name-open_paren = `(`
syntax-name-quantifier = `any`、`all` 或 `count`
syntax-name-unit = 单位（`year`、`month`、`day`）
syntax-name-operator = 运算符（`and`、`or`、`==`、`<=`、`in`、`is`、`+` …）
syntax-name-not = `not`
syntax-name-presence = `present` 或 `absent`
syntax-name-negate = `-`

# 语法期望别的内容之处实际出现的内容。
syntax-found-end_of_file = 文件末尾
syntax-found-end_of_line = 行尾
syntax-found-token = `{ $token }`
syntax-found-next_declaration = 下一个声明 `{ $keyword }`
syntax-found-unclosed_string = 未闭合的字符串
syntax-found-full_width = 全角的 `{ $character }`

# 对笔误的提示。
syntax-help-close_rule = 请在此行上方那条规则的末尾加上 `{"}"}`
syntax-help-string_line = 字符串须在同一行内结束；多行文字请用 `"""`
syntax-help-colon = `：` 是全角冒号；规则语言在此处不需要冒号，请删去
syntax-help-full_width = `{ $character }` 是全角字符；规则语言在此处使用半角的 `{ $ascii }`
syntax-help-did_you_mean = 是否想写 `{ $suggestion }`？
