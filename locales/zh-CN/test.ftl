# 规则包测试：测试文件可能出现的问题（src/packtest/error.rs）。

test-read = 无法读取 `{ $path }`：{ $reason }

test-yaml = `{ $path }` 不是有效的测试文件
    .help = 测试文件是由用例组成的 YAML 列表，每个用例以 `- name: …` 开头

test-not_a_list = 测试文件应为用例列表，实为{ $found }
    .help = 每个用例以 `- name: …` 开头
    .span = 此处应为用例列表

test-shape = { $what }应为{ $expected }，实为{ $found }
    .span = 此处应为{ $expected }

test-missing = 用例缺少 `{ $key }`
    .span = 此用例需要 `{ $key }`
    .hint-name = 每个用例都有名称，在规则包内不得重复
    .hint-record = 写出记录文件的路径（相对于本文件），或直接以映射写出记录
    .hint-as_of = 写出评估记录所依据的日期，如 `as_of: 2021-06-30`
    .hint-incomplete = 用例需要一份记录和一个日期

test-unknown_key = { $within }中没有键 `{ $key }`
    .span = 不是{ $within }的键
    .suggest = 是否想写 `{ $suggestion }`？
    .hint-keys = { $within }的键有：{ $keys }

test-duplicate_key = `{ $key }` 出现了两次
    .help = 每个键只写一次
    .span = 此处再次出现
    .first = 首次出现于此

test-duplicate_name = 已有用例名为 `{ $name }`
    .help = 第一个同名用例位于 { $first }；用例名在规则包内不得重复
    .span = 此处再次使用该名称

test-date = `as_of` 应为 `YYYY-MM-DD` 格式的日期，实为 `{ $found }`
    .help = 写出带前导零的公历日期，如 `2021-06-30`
    .span = 不是 `YYYY-MM-DD` 格式的日期

test-status = 未知的结论状态 `{ $found }`
    .span = 不是结论的状态
    .hint-close = 是否想写 `{ $suggestion }`？（应为以下之一：{ $words }）
    .hint-all = 应为以下之一：{ $words }

test-outcome = 未知的检查结果 `{ $found }`
    .span = 不是检查结果
    .hint-close = 是否想写 `{ $suggestion }`？（应为以下之一：{ $words }）
    .hint-all = 应为以下之一：{ $words }

test-unknown_finding = `{ $key }` 既不是规则编号，也不是规则包引用的条款
    .span = 没有规则使用此编号或引用此条款
    .suggest = 是否想写 `{ $suggestion }`？

test-record_unreadable = 无法读取记录 `{ $path }`：{ $reason }
    .help = 记录路径相对于写出它的测试文件
    .span = 此记录

test-record = 用例 `{ $name }` 的记录无效
    .span = 此记录无法加载

# 测试文件中某个值的用途。
test-what-case = 用例
test-what-finding = 期望的检查结果
test-what-outcome = 检查结果
test-what-a_key = 键
test-what-key = `{ $key }`

# 此处应有的内容。
test-expected-keys = 键的映射
test-expected-text = 文本
test-expected-findings = 由规则编号或条款到检查结果的映射
test-expected-long_form = `outcome`、`message` 或两者
test-expected-records = 记录的列表（每项是记录文件的路径，或直接写出的记录）

test-no_packs = `{ $root }` 下没有规则包{ $reason ->
        [none] {""}
       *[other] ：{ $reason }
    }
    .help = 请指明规则包目录，或在含有 `rules/` 的目录下运行

## `banfa test` 输出的用语（src/packtest/render.rs、src/cli/test.rs）。

test-report-pass = 通过
test-report-fail = 失败
test-report-error = 出错
test-report-at = 位于 { $location }
test-report-at-error = 位于 { $location }（无法运行，见诊断信息）
test-report-untitled = { $file } 第 { $index } 个用例
test-report-key = 键
test-report-expected = 期望
test-report-actual = 实际
test-report-message = 消息
test-report-status = 结论
test-report-no-finding = （无此项结论）
test-report-not-in-force = 没有生效的此编号规则
test-report-saying = 消息为“{ $message }”
test-report-outcome-saying = { $outcome }，消息为“{ $message }”
test-report-anything = 任意
# 测试文件所写的结果或结论。
test-report-outcome = { $outcome ->
        [pass] 符合
        [fail] 不符合
        [pending] 未到期
        [unknown] 待定
        [not_applicable] 不适用
        [note] 提示
       *[other] { $outcome }
    }
test-report-verdict = { $status ->
        [out_of_scope] 不适用
        [suspended] 暂缓安排
        [non_compliant] 不合规
        [undetermined] 待定
        [compliant] 合规
       *[other] { $status }
    }
test-report-counts = { $passed } 个通过，{ $failed } 个失败
test-report-counts-errors = { $passed } 个通过，{ $failed } 个失败，{ $errors } 个出错
test-report-heading = { $dir }（{ $edition } { $version }）：{ $what }
test-report-no-cases = 没有测试用例（请写在 `{ $path }`）
test-report-matching = { $written } 个用例中有 { $shown } 个名称含 `{ $filter }`
test-report-cases = { $count } 个用例

## `banfa coverage` 输出的用语（src/packtest/render.rs、src/cli/coverage.rs）。

coverage-heading = { $name }（{ $edition } { $version }）
coverage-tests = 测试：{ $counts }
coverage-article = 条款
coverage-title = 标题
coverage-rule = 规则或体现之处
coverage-pass = 符合
coverage-fail = 不符合
coverage-other = 其他
coverage-not-accounted = （未落实）
coverage-held-by = 体现于 { $names }
coverage-separator = 、
coverage-accounted = 已落实的条款：{ $accounted }/{ $total }
coverage-never-failing = 未见不符合的规则：
coverage-never-failing-none = 未见不符合的规则：无
