# A template's problems, as the template editor, the library's save and
# import, the wizard's preview and `resolution-studio lint` show them; and
# the problems of a reference-manager import. Worded on the server only. $file is the template's name ("template" in
# the editor); lines and columns count from 1 in the whole file.

lint-at = { $file }:{ $line }:{ $column }: { $problem }
lint-problem = { $file }:{ $line }:{ $column }: { $level ->
        [warning] warning
       *[error] error
    }: { $problem }
lint-problems = { $problems }
lint-no-front-matter = a template starts with a front matter block: a line `---`, the YAML header, and another line `---`
lint-too-large = the template is { $kib } KiB; a template can be at most { $max } KiB
# $detail: the YAML reader's own words, in English.
lint-front-matter = front matter: { $detail }
lint-too-many-questions = the template asks { $count } questions; a template can ask at most { $max }
lint-in-setting = document.{ $setting }: { $problem }
lint-bad-language = language `{ $language }` is not a BCP 47 tag such as `en`, `en-US` or `fr`
lint-bad-template-id = template id `{ $id }` may use only letters, digits, `-` and `_`
lint-role-not-declared = checks.{ $role } names `{ $field }`, which is not a declared field
lint-bad-field-id = field id `{ $field }` must be a name usable in the body: letters, digits and `_`, not starting with a digit
lint-field-twice = field id `{ $field }` is declared twice
lint-step-not-declared = field `{ $field }` is in step `{ $step }`, which is not declared under `steps`
lint-field-without-step = field `{ $field }` has no `step`; every field needs one when steps are declared
lint-choice-without-options = choice field `{ $field }` needs `options`
lint-condition-later = field `{ $field }` depends on `{ $condition }`, which must be declared before it
lint-bad-default = default of field `{ $field }`: { $problem }
lint-undeclared-name = `{ $name }` is used but is not a declared field; declare it under `fields` or fix its spelling
lint-unknown-filter = unknown { $what ->
        [test] test
       *[filter] filter
    } `{ $name }`
lint-unknown-source = cite("{ $source }"): no source with this id in the evidence library
lint-unused-field = field `{ $field }` is declared but never used in the body, the document settings or the checks
# $detail: the template engine's own words, in English.
lint-engine = { $detail }
lint-out-of-fuel = the template used up its fuel ({ $steps } steps); is there a runaway loop?
lint-too-deep = recursion deeper than { $levels } levels
lint-output-too-large = output larger than { $kib } KiB
lint-stopped-at = { $file }:{ $line }: rendering stopped: { $limit }
lint-stopped = { $file }: rendering stopped: { $limit }
compose-answers-do-not-fit = the answers do not fit template `{ $template }`:
    { $problems }
# $detail: the citation processor's or a writer's own words, in English.
render-failed = { $detail }

## The template editor's notes beside its preview

# $detail: the JSON reader's own words, in English.
templates-editor-bad-sample = sample answers, line { $line }, column { $column }: { $detail }
templates-editor-placeholders = { $count ->
        [one] 1 sample answer is missing or wrong; it shows as a placeholder.
       *[other] { $count } sample answers are missing or wrong; they show as placeholders.
    }

## Sources imported from a reference manager (CSL-JSON, BibTeX)

import-not-csl-json = line { $line }, column { $column }: this is not valid CSL-JSON: { $problem }
import-bibtex-at = line { $line }, column { $column }: BibTeX: { $problem }
import-at-entry = entry `{ $entry }`: { $problem }
import-unknown-format = nothing to import: paste a CSL-JSON array (starting with `[`) or BibTeX entries (starting with `@`)
import-not-a-list = expected a list of items
import-no-title = has no title
import-unclosed = the text ends inside an entry: a brace or quote is not closed
# $detail: the JSON or BibTeX reader's own words, in English.
import-reader-says = { $detail }
import-bibtex-string-loop = the @string `{ $name }` is defined in terms of itself
import-bibtex-too-long = `{ $name }` would expand to more than { $max } characters
import-bibtex-link-loop = entry `{ $entry }` links back to itself through crossref or xdata
import-bibtex-too-many-links = the crossref and xdata links would have the reader visit more than { $max } entries
import-bibtex-link-by-string = write the keys in `{ $field }` out: an @string cannot name them there
