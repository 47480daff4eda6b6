# 能解析但讲不通的规则包（src/check/error.rs），以及 src/lint.rs 的警告。

check-header = { $message }
    .span = 此处
    .hint-help = { $help }

check-unknown_name = 未知的{ $what } `{ $name }`{ $of ->
        [none] {""}
       *[other] （在 `{ $of }` 中）
    }
    .span = 未声明
    .hint-help = { $help }

check-duplicate = { $what } `{ $name }` 声明了两次
    .span = 此处再次声明
    .hint-help = { $help }

check-type_mismatch = 此处应为{ $expected }，实为{ $found }
    .span = 这是{ $found }
    .hint-help = { $help }

check-rule = { $message }
    .span = 此处
    .hint-help = { $help }

check-cycle = 这些事实相互依赖，形成循环：{ $name }
    .help = 事实可以引用其他事实，但不能循环引用
    .span = 在自身的定义中被引用

## 包头或记录的问题（check-header）。

check-header-plan_field = `plan_field` 指定的 `{ $field }` 不是整数字段：它应填写年度
check-header-none = 规则包没有 `pack {"{"} … {"}"}` 包头
check-header-two = 一个规则包只能有一个包头
check-header-empty = 规则包是空的
check-header-no_record = 规则包没有 `record {"{"} … {"}"}`
check-header-identity = 记录须有必填的文本字段 `{ $key }`
check-header-lacks = 规则包的{ $what }缺少 `{ $key }`

## 规则、声明或表达式的问题（check-rule）。

check-rule-article_label = `{ $label }` 不是条文编号
check-rule-item_number = `{ $label }` 不是项的编号
check-rule-ambiguous_term = 词项 `{ $term }` 属于不止一个词表
check-rule-whole_element = `{ $name }` 是整个列表元素；请写出它的某个字段
check-rule-relation_key = `{ $field }` 不能作为关系的键
check-rule-relation_value = `{ $name }` 是关系，即与本记录一并评估的其他记录，本身没有值
check-rule-not_a_field = { $what } 只能用于记录的字段
check-rule-number_range = 数字 `{ $number }` 超出范围
check-rule-empty_list = 无法判断这个空列表装的是什么
check-rule-no_order = { $what }没有大小顺序：只能用 `==` 和 `!=` 比较
check-rule-arithmetic = 不能对{ $left }和{ $right }使用 `{ $operator }`
check-rule-except = `except` 的两边须是同一种列表
check-rule-arity = `{ $function }` 需要 { $wanted } 个参数，实有 { $found } 个
check-rule-two_records = 一个规则包只有一个 `record`；扩展其他版本的版本在自己的 `record` 中添加字段
check-rule-disabled_twice = 规则 `{ $rule }` 已被停用
check-rule-not_extending = `{ $what }` 用于修改所扩展的版本，但此规则包没有扩展任何版本
check-rule-not_constant = 参数 `{ $parameter }` 必须是常量
check-rule-fact_chain = 事实 `{ $fact }` 建立在超过 { $limit } 个事实组成的链条上
check-rule-required_when_date = `required when` 条件不能依赖评估日期
check-rule-too_many_lets = 规则 `{ $rule }` 的 `let` 超过 { $limit } 个
check-rule-outcome = { $kind ->
        [scope] 适用范围
        [requirement] 要求
        [suspension] 暂停
        [advisory] 提示
       *[other] `{ $kind }`
    }规则（`{ $kind }`）不能给出 `{ $outcome }`
check-rule-no_otherwise = 规则 `{ $rule }` 没有 `otherwise` 子句
check-rule-after_otherwise = 此子句永远不会执行：它前面已有 `otherwise` 子句
check-rule-repeated_condition = 此子句永远不会执行：前面的子句检验的是同一条件
check-rule-nested_required_when = `required when` 只用于记录本身的字段，不用于列表元素的字段
check-rule-between_type = `between` 只能限定整数、金额和日期，不能限定{ $ty }
check-rule-between_order = `between` 的下限大于上限

## 如何改正。

check-help-did_you_mean = 是否想写 `{ $suggestion }`？
check-help-article_label = 请写 `第`、用汉字或阿拉伯数字写的条号，再写 `条`，如 `第8条`
check-help-item_number = 项的编号写作 `(一)`、`(二)` … 或 `(1)`、`(2)` …
check-help-ambiguous_term = 请与你所指词表的字段比较
check-help-not_a_field = 请写出字段的路径，如 `group.field`
check-help-relation_key = 关系的键须为必填的文本、词项或整数字段，以便每条记录都有可比较的值
check-help-relation_value = 请对其中的记录作量化判断，如 `any p in { $name } where …`
check-help-empty_list = 请与列表字段比较，或在列表中写一项
check-help-days_between = `days(from, to)` 计算两个日期之间的天数
check-help-add_period = 日期应加上期间：`3 days`、`3 months` 或 `3 years`
check-help-classes = `{ $vocabulary }` 的类别有：{ $classes }
check-help-signature_date = 请写 `date(year, month-day)`，如 `date(2021, 06-30)`
check-help-signature = 请写 `{ $signature }`
check-help-number_as_condition = 条件须为是/否：请比较这个数字（`>= 2018`），或检验它是否填写（`is present`）
check-help-date_as_condition = 检验日期请用 `is present`、`happened(…)` 或比较
check-help-text_as_condition = 请用 `==` 比较，或用 `in` 检验
check-help-header_none = 请声明一个包头，至少写明 `edition`、`version` 和 `effective`
check-help-entries = { $what }有：{ $entries }
check-help-override_rule = 所扩展的版本已有此编号的规则：如要替换，请在规则前写 `override`
check-help-own_rule_id = 请给规则一个自己的编号
check-help-override_new_rule = `override` 用于替换所扩展版本中的规则；如要新增规则，请去掉它
check-help-disabled_twice = 请删去这条 `disable rule`
check-help-not_extending = 请在包头中加上 `extends 版本名 版本号`
check-help-identity = 结论以项目的 `id` 和 `name` 称呼项目
check-help-not_constant = 依赖记录的值应写作 `fact`
check-help-base_type = `{ $parameter }` 在所扩展的版本中是{ $ty }，其规则也按此使用它
check-help-set_parameter = 如要给所扩展版本的参数赋新值，请写 `set parameter { $parameter } = …`
check-help-fact_chain = 请用更少、更宽泛的事实来定义它
check-help-required_when_date = 记录是否完整不应随读取的日子而变：请在规则中检验日期
check-help-too_many_lets = 共用的值请用 `fact` 命名
check-help-items = { $article }的项有：{ $items }
check-help-outcomes = 它能给出的结论有：{ $outcomes }
check-help-no_otherwise = 请以 `pass otherwise says "…"` 之类的子句结束规则：没有条件成立时结论是什么？
check-help-after_otherwise = `otherwise` 必须是最后一个子句
check-help-repeated_condition = 请删去它，或修改两个条件之一
check-help-nested_required_when = 请把字段设为 `required`，或在规则中检验它
check-help-between_order = 请先写较小的值

## 名称的种类。

check-what-field = 字段
check-what-name = 名称
check-what-term = 词项
check-what-class = 类别
check-what-type = 类型
check-what-article = 条文
check-what-item = 项
check-what-function = 函数
check-what-parameter = 参数
check-what-fact = 事实
check-what-relation = 关系
check-what-rule = 规则
check-what-let = `let` 变量
check-what-vocabulary = 词表
check-what-header_entry = 包头条目
check-what-header_entry_or_parameter = 包头条目或参数
check-what-message = 消息
check-whats-header_entry = 包头条目
check-whats-message = 消息

## 消息中对类型的称呼。

check-type-text = 文本
check-type-integer = 整数
check-type-money = 金额
check-type-date = 日期
check-type-month_day = 月日
check-type-period = 期间
check-type-bool = 是/否
check-type-term_of = `{ $vocabulary }` 的词项
check-type-term = 词项
check-type-list = 由{ $item }组成的列表
check-type-rows = 由记录组成的列表
check-type-some_list = 列表
check-type-date_example = 日期（`2017-09-07`）
check-type-written = `{ $text }`
check-type-other_bound = 另一种类型的界限
check-type-other_default = 另一种类型的默认值

## 警告（src/lint.rs）：规则包中合法但可疑之处。

lint-unused_parameter = 参数 `{ $parameter }` 没有被任何规则、事实或条文使用
lint-unaccounted_article = 条文 `{ $article }` 没有规则，也没有包头条目或参数承载它
lint-constant_condition = 规则 `{ $rule }` 有一个不读取记录任何内容的条件，其结果永远不变
lint-constant_message = 规则 `{ $rule }` 的 `{ $outcome }` 消息中的 {"{"}…{"}"} 部分不读取记录的任何内容
lint-masked_breach = 规则 `{ $rule }`：日期缺失时生效的 `{ $gate }` 排在读取 { $fields } 的 `fail` 之前：日期缺失期间，记录所载的违规被掩盖；请先检验所载的违规
lint-unbounded_arithmetic = 记录字段 `{ $field }` 参与计算，却没有 `between` 界限：过大的值会使结论成为未知，而不是被拒绝
lint-parameter_against_quoted_text = 参数 `{ $parameter }` 由本版本设定并被规则 `{ $rule }` 读取，但条文 `{ $article }` 沿用 `{ $origin }` 的文本：所引条文与结论相矛盾；请用 `override article { $article }` 改写条文
lint-unread_field = 记录字段 `{ $field }` 没有被任何规则读取
