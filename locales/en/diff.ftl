# Comparing two editions: what can stop a diff (src/diff/error.rs), in English.

diff-no_base = `{ $origin }` extends no edition, so there is nothing to compare it with
    .help = name the edition to compare it with: `banfa diff A B`

diff-read = cannot read `{ $path }`: { $reason }

diff-record = the record does not fit the edition `{ $origin }`

## The words of a text diff (src/diff/render.rs).

diff-text-side = { $side }: { $chain }
diff-text-header = header
diff-text-parameters = parameters
diff-text-facts = facts
diff-text-relations = relations
diff-text-vocabularies = vocabularies
diff-text-fields = record fields
diff-text-articles = articles
diff-text-found = { $side }: { $outcome }
diff-text-rules = rules
diff-text-disabled-by = disabled by { $by }: { $reason }
diff-text-from = from { $origin }
diff-text-overridden-by = overridden by { $origin }
# A change, an outcome or a status as JSON names it.
diff-text-change = { $change }
diff-text-outcome = { $outcome }
diff-text-verdict = { $status }
diff-text-no-differences = no differences
diff-text-differences = { $count ->
        [one] { $count } difference
       *[other] { $count } differences
    }
diff-text-project = project: { $name } ({ $id })
diff-text-as-of = as of: { $date }
diff-text-status-same = status: { $status } (both)
diff-text-status-changed = status: { $a } → { $b }
diff-text-same-verdict = the same verdict
diff-text-findings-differ = { $count ->
        [one] { $count } finding differs
       *[other] { $count } findings differ
    }
