# Comparing two editions: what can stop a diff (src/diff/error.rs), in English.

diff-no_base = `{ $origin }` extends no edition, so there is nothing to compare it with
    .help = name the edition to compare it with: `banfa diff A B`

diff-read = cannot read `{ $path }`: { $reason }

diff-record = the record does not fit the edition `{ $origin }`
