# banfa --help（src/cli/help.rs）。
# 英文帮助即 clap 的文档注释和各子命令的 EXAMPLES，故本文件的 `help-` 各条只有中文。
# 编号：`help-命令路径`（顶层为 `help-banfa`）、`help-命令路径-参数`、`help-命令路径-参数-取值`、
# `help-命令路径-examples`；各命令共有的参数为 `help-flag-参数`；clap 自己的用语为 `help-clap-*`。

## clap 自己的用语

help-clap-usage = 用法：
help-clap-commands = 命令
help-clap-commands-heading = 命令：
help-clap-command = 命令
help-clap-arguments = 参数：
help-clap-options = 选项：
help-clap-default = 默认：
help-clap-possible-values = 可选值：
help-clap-list-separator = 、
help-clap-note-separator = ；
help-clap-open = （
help-clap-close = ）
help-clap-value-colon = ：

## 各命令共有的参数

help-flag-lang = 消息的语言：zh 或 en（默认：`BANFA_LANG`，否则按系统区域设置，否则为 zh）
help-flag-help = 打印帮助
    .more = 打印帮助（`--help` 查看详细说明）
    .summary = 打印帮助（`-h` 查看摘要）
help-flag-version = 打印版本号
help-flag-help_command = 打印本帮助或指定子命令的帮助

## banfa

help-banfa = banfa：将办法写成有版本的规则包，读入项目记录，给出附有理由的结论

## banfa evaluate

help-evaluate = 按规则包审查项目记录
help-evaluate-records = 项目记录，一并按顺序审查：文件（YAML；`.json` 为 JSON；`.jsonl` 每行一条 JSON 记录；`.csv`、`.xlsx` 台账每行一条记录）、目录（其中的记录文件，按路径顺序）或 `-`（标准输入）
help-evaluate-pack = 从此目录加载规则包，而不使用某一版本
help-evaluate-edition = 使用此版本：内嵌的，或在 `--pack-path`、`BANFA_PACK_PATH` 中找到的，取 `--as-of` 当日施行的版本号（默认：市本级版本）
help-evaluate-pack_path = 另在此目录查找版本及其所扩展的规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-evaluate-as_of = 审查日期（默认：今天）
help-evaluate-format = 结论的输出方式：text 供人阅读，JSON Lines 供程序读取
help-evaluate-format-text = 以规则包的语言输出文本
help-evaluate-format-json = 每行一个 JSON 结论
help-evaluate-explain = 对每项不通过或无法判定的结论，引用其所依据的条款原文（仅限文本）
help-evaluate-ids = 在每项结论末尾显示规则编号，不着色（仅限文本；彩色终端不加此项也以暗色显示）
help-evaluate-examples =
    示例：
      banfa evaluate project.yaml
      banfa evaluate --as-of 2021-06-30 --explain project.yaml
      banfa evaluate --ids project.yaml
      banfa evaluate --format json records/*.yaml > verdicts.jsonl
      banfa evaluate --edition NAME project.yaml
      banfa evaluate --edition NAME --pack-path ~/county-packs project.yaml
      banfa evaluate --pack rules/ project.yaml

    `--edition NAME` 依次在内嵌版本、各 `--pack-path DIR`、`BANFA_PACK_PATH` 中查找，
    取 `--as-of` 当日施行的版本号。结论为不适用时，只建议以相同参数用 `--edition`
    能找到的版本。

    退出状态：
      0  全部记录均已审查，且每项均合规或不适用
      1  全部记录均已审查，且至少一项不合规
      2  有内容无法审查（记录无法读取或无效、规则包无效、参数有误）

## banfa review

help-review = 审查一批记录：各结论的数量、不符合最多的条款、各单位情况、可列入计划的项目
help-review-records = 项目记录，一并审查：文件、目录，或 `-`（标准输入），与 `banfa evaluate` 相同
help-review-pack = 从此目录加载规则包，而不使用某一版本
help-review-edition = 使用此版本：内嵌的，或在 `--pack-path`、`BANFA_PACK_PATH` 中找到的，取 `--as-of` 当日施行的版本号（默认：市本级版本）
help-review-pack_path = 另在此目录查找版本及其所扩展的规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-review-as_of = 审查日期（默认：今天）
help-review-planned_for = 正在编制的计划年度：只有计划于该年度的记录才是候选项目
help-review-format = 台账的格式
help-review-format-text = 供终端阅读的文本
help-review-format-csv = 项目表，CSV 格式
help-review-format-xlsx = Excel 工作簿：汇总、项目、结论明细
help-review-format-html = 自成一体、带图表的 HTML 报告
help-review-output = 将台账写入此文件，而不是标准输出
help-review-examples =
    示例：
      banfa review declarations/
      banfa review --plan-year 2022 declarations/ 台账.jsonl
      banfa review --format xlsx -o 台账.xlsx declarations/
      banfa review --format html -o 审查报告.html declarations/
      banfa review --format csv declarations/ > projects.csv

    各记录一并审查：按单位的全部项目判断（同一单位的其他记录即其其他项目）。项目在适用范围内、
    未被暂缓安排、没有不符合的要求、也不缺少事实的，可列入计划；给出 `--plan-year` 时，只有计划
    于该年度的记录才是候选项目。

    退出状态：
      0  台账已写出，且每份记录均已审查
      2  有内容无法审查（记录无法读取或无效、规则包无效、参数有误），或台账无法写出

## banfa test

help-test = 运行规则包自带的测试用例（`PACK/tests/*.yaml`）
help-test-packs = 规则包目录（默认：`rules/` 下的每个规则包）
help-test-filter = 只运行名称包含此文本的用例
help-test-allow_outside = 另允许测试用例从此目录读取记录（可重复）。默认情况下，用例的 `record:` 须位于其规则包内或当前目录下
help-test-examples =
    示例：
      banfa test
      banfa test rules/jingzhou-city
      banfa test --filter 申报

    测试文件是由用例组成的 YAML 列表：
      - name: 最后一天申报                    （在规则包内唯一）
        record: ../../../fixtures/x.yaml      （相对于测试文件，或写成映射）
        with: [../../../fixtures/y.yaml]      （可选：与之一并评估的其他记录）
        as_of: 2021-06-30
        status: compliant                     （可省略）
        findings:                             （可省略）
          RULE_ID: pass                       （该规则的结论）
          CITATION: fail                      （某项引用该条款的结论）
          RULE_ID: {"{"} outcome: fail, message: TEXT {"}"}

    输出的最后一行为“N 个通过，M 个失败”（有用例无法运行时另有“，K 个出错”）。

    退出状态：
      0  全部用例通过
      1  有用例未通过
      2  有用例无法运行（测试文件、记录或键无效；规则包无法加载）

## banfa coverage

help-coverage = 显示规则包覆盖了哪些条款，以及测试检验了哪些结果
help-coverage-packs = 规则包目录（默认：`rules/` 下的每个规则包）
help-coverage-format = 覆盖情况的输出方式：表格供人阅读，每个规则包一个 JSON 对象供程序读取
help-coverage-format-text = 每个规则包一张表
help-coverage-format-json = 每个规则包一个 JSON 对象，每行一个
help-coverage-allow_outside = 另允许测试用例从此目录读取记录（可重复），同 `banfa test`
help-coverage-examples =
    示例：
      banfa coverage
      banfa coverage rules/jingzhou-city
      banfa coverage --format json rules/jingzhou-city

    对每个用例，规则按其结论计入 pass、fail 或 other，无论该用例是否断言这一结论。
    条款被某条规则引用，或由头部条目或参数以 `held by` 承担，即为已覆盖。

    退出状态：
      0  每个条款均已覆盖，且每条可能不通过的规则都曾出现不通过
      1  有条款未覆盖，或有规则从未出现不通过
      2  规则包或其测试用例无法加载

## banfa packs

help-packs = 列出可用的规则包及其版本号和施行日期
help-packs-pack_path = 另列出此目录中的规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-packs-examples =
    示例：
      banfa packs
      banfa packs --pack-path ~/county-packs

## banfa diff

help-diff = 显示一个版本相对另一个版本的改动：声明，或对某一记录的结论
help-diff-first = 作为比较基准的版本；单独给出时，为要显示其改动的版本
help-diff-second = 要显示其改动的版本（默认：只给出一个版本时，与其所扩展的版本比较）
help-diff-record = 比较两者对此项目记录的结论，而不比较声明
help-diff-as_of = 审查日期，也为未注明版本号的版本选定版本号（默认：有 `--record` 时为今天；否则取各版本的最新版本号）
help-diff-pack_path = 另在此目录查找规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-diff-format = 差异的输出方式：text 供人阅读，一个 JSON 对象供程序读取
help-diff-format-text = 文本，声明按规则文件原样显示
help-diff-format-json = 一个 JSON 对象（`banfa.diff/1`）
help-diff-examples =
    示例：
      banfa diff 荆州市本级 公安县
      banfa diff 监利@2018.1 监利@2020.1
      banfa diff 监利@2020.1                 （与其所扩展的版本比较）
      banfa diff rules/jingzhou-city my-county/ --format json
      banfa diff 荆州市本级 公安县 --record project.yaml --as-of 2021-06-30

    A 和 B 各为一个版本（`NAME` 或 `NAME@VERSION`），或一个存放 `.banfa` 文件的目录
    （已存在的目录视为规则包）。版本的查找方式与 `--edition` 相同：依次在内嵌规则包、
    各 `--pack-path DIR`、`BANFA_PACK_PATH` 中查找。未注明版本号的版本取 `--as-of`
    当日施行的版本号，未给出 `--as-of` 时取其最新版本号。

    退出状态：
      0  B 相对 A 没有改动（有 `--record` 时：结论相同）
      1  B 有改动
      2  有内容无法比较（未知版本、`--as-of` 当日无施行的版本号、规则包无法读取、
         记录无效）

## banfa check

help-check = 检查规则包，一次报告全部错误和警告
help-check-packs = 规则包目录（默认：`rules/` 下的每个规则包）
help-check-error_format = 问题的输出方式
help-check-error_format-human = miette 的渲染，附源码和标注
help-check-error_format-plain = `file:line:col: severity: message`，每行一条
help-check-error_format-json = 每个问题一个 JSON 对象，每行一个
help-check-pack_path = 另在此目录查找版本所扩展的规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-check-examples =
    示例：
      banfa check
      banfa check rules/jingzhou-city rules/gongan-sample
      banfa check --error-format plain rules/*      # file:line:col: message，供编辑器使用
      banfa check --error-format json rules/*       # 每行一个 JSON 对象，供 CI 使用

## banfa schema

help-schema = 打印规则包项目记录的 JSON Schema，供编辑器使用
help-schema-pack = 从此目录加载规则包，而不使用某一版本
help-schema-edition = 使用此版本：内嵌的，或在 `--pack-path`、`BANFA_PACK_PATH` 中找到的，取 `--as-of` 当日施行的版本号（默认：市本级版本）
help-schema-pack_path = 另在此目录查找版本及其所扩展的规则包（可重复；亦读 `BANFA_PACK_PATH`）
help-schema-as_of = 要描述哪一日施行的版本号（默认：今天）
help-schema-format = 输出内容：JSON Schema 供编辑器使用，或 Markdown 字段表供人阅读
help-schema-format-json = JSON Schema（draft 2020-12）
help-schema-format-markdown = 字段的 Markdown 表格，含类型、默认值和词表术语
help-schema-examples =
    示例：
      banfa schema > project.schema.json
      banfa schema --edition 公安县
      banfa schema --format markdown > fields.md
      banfa schema --edition NAME --pack-path ~/county-packs --as-of 2021-06-30
      # VS Code（YAML 扩展）：在记录的第一行加上
      # yaml-language-server: $schema=./project.schema.json

    `--edition NAME` 依次在内嵌版本、各 `--pack-path DIR`、`BANFA_PACK_PATH` 中查找，
    取 `--as-of` 当日施行的版本号。

## banfa completions

help-completions = 打印 shell 补全脚本
help-completions-shell = 所用的 shell
help-completions-examples =
    示例：
      banfa completions bash > /etc/bash_completion.d/banfa
      banfa completions zsh > "${"{"}fpath[1]{"}"}/_banfa"
      banfa completions fish > ~/.config/fish/completions/banfa.fish

## banfa fmt

help-fmt = 将规则文件改写为规范格式，或检查其是否已规范
help-fmt-paths = 规则文件，或在其中查找 `.banfa` 文件的目录（默认：`rules/`）
help-fmt-check = 不作改动：列出未规范的文件，若有则以状态 1 退出
help-fmt-examples =
    示例：
      banfa fmt                         # rules/ 下的每个规则文件
      banfa fmt rules/gongan-sample/pack.banfa
      banfa fmt --check rules/          # 列出将被改动的文件；若有则以状态 1 退出
