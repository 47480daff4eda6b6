# 比较两个版本：什么会使比较无法进行（src/diff/error.rs）。

diff-no_base = `{ $origin }` 没有扩展其他版本，无从比较
    .help = 请写明要与之比较的版本：`banfa diff A B`

diff-read = 无法读取 `{ $path }`：{ $reason }

diff-record = 记录不符合版本 `{ $origin }`

## 文字版版本比较的用语（src/diff/render.rs）。

diff-text-side = { $side }：{ $chain }
diff-text-header = 基本信息
diff-text-parameters = 参数
diff-text-facts = 事实
diff-text-relations = 关系
diff-text-vocabularies = 词表
diff-text-fields = 记录字段
diff-text-articles = 条款
diff-text-found = { $side }：{ $outcome }
diff-text-rules = 规则
diff-text-disabled-by = 由 { $by } 停用：{ $reason }
diff-text-from = 出自 { $origin }
diff-text-overridden-by = 由 { $origin } 替换
# JSON 中所写的变化、结果或结论。
diff-text-change = { $change ->
        [added] 新增
        [removed] 删除
        [disabled] 停用
        [overridden] 替换
        [changed] 修改
       *[other] { $change }
    }
diff-text-outcome = { $outcome ->
        [pass] 符合
        [fail] 不符合
        [pending] 未到期
        [unknown] 待定
        [not_applicable] 不适用
        [note] 提示
       *[other] { $outcome }
    }
diff-text-verdict = { $status ->
        [out_of_scope] 不适用
        [suspended] 暂缓安排
        [non_compliant] 不合规
        [undetermined] 待定
        [compliant] 合规
       *[other] { $status }
    }
diff-text-no-differences = 没有差异
diff-text-differences = 共 { $count } 处差异
diff-text-project = 项目：{ $name }（{ $id }）
diff-text-as-of = 评估日期：{ $date }
diff-text-status-same = 结论：{ $status }（两者相同）
diff-text-status-changed = 结论：{ $a } → { $b }
diff-text-same-verdict = 结论相同
diff-text-findings-differ = 共 { $count } 条结论不同
