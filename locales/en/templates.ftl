# The templates page, the template library, the template editor and its question form.

## The templates page

templates-heading = Templates
templates-lead = Model resolutions and letters, ready to fill in. Download a sample to see what each one produces.
templates-filter-label = Filter by title, kind, language or jurisdiction
templates-filter-placeholder = e.g. engagement, fr, us-sec-14a8
templates-loading = Loading templates…
templates-load-failed = The templates could not be loaded: { $reason }
templates-count = { $shown } of { $total } templates
templates-column-title = Title
templates-column-kind = Kind
templates-column-language = Language
templates-column-jurisdiction = Jurisdiction
templates-column-sample = Sample
templates-column-draft = Draft
templates-shared-by = Shared by { $publisher }
templates-no-sample = no sample
templates-start-draft = Start a draft
templates-start-draft-from = Start a draft from { $title }

## The template library

templates-library-heading = Template library
templates-library-lead = Templates are written and versioned here. A saved version is used by no one until it is published; drafts keep the version they were written with. Built-in templates are cloned, never edited in place.
templates-library-new = New template
templates-library-loading = Loading the library…
templates-import-heading = Import a template file
templates-import-source-label = The file's text (front matter and body)
templates-import-copy-label = If its id is taken: store it as a copy under this id (leave empty to add a new version)
templates-import = Import
templates-imported = Imported as version { $version } of `{ $id }`; publish it to offer it to drafters.
templates-no-jurisdiction = no jurisdiction
templates-status-published = published
templates-status-draft = draft
templates-status-retired = retired
templates-version-published = version { $version } published
templates-built-in = built-in
templates-shared-by-clone = shared by { $publisher }: clone it to change it
templates-versions-of = Versions of { $title }
templates-column-version = Version
templates-column-saved = Saved
templates-column-published = Published
templates-column-drafts = Drafts
templates-column-actions = Actions
templates-release-notes = Release notes
templates-not-yet-published = not yet
templates-export = Export
templates-publish = Publish
templates-share = Share with everyone
templates-shared-with-everyone = shared with everyone
templates-edit = Edit
templates-retire = Retire
templates-bring-back = Bring back
templates-compare-heading = Compare two versions
templates-compare-from = from
templates-compare-to = to
templates-compare-version = version { $version }
templates-compare = Compare
templates-compare-no-differences = No differences in questions or text.
templates-compare-added = New question: { $label }
templates-compare-removed = Question removed: { $label }
templates-compare-changed = Changed: { $change }
templates-compare-lines = Text: { $added } line(s) added, { $removed } removed.
templates-clone-as = Clone as
templates-clone-placeholder = new-template-id
templates-clone = Clone

## The template editor

templates-editor-loading = Loading the template…
templates-editor-new = New template
templates-editor-edit = Edit `{ $id }` (from version { $version })
templates-editor-built-in = This is a built-in template: saving under its id is refused. Change the `id:` line to save it as a new template.
templates-editor-source-label = Template file: front matter, then the body
templates-editor-no-problems = No problems.
templates-editor-error = Error: line { $line }, column { $column }: { $message }
templates-editor-warning = Warning: line { $line }, column { $column }: { $message }
templates-editor-answers-label = Sample answers (JSON) for the preview
templates-editor-save = Save as a new version
templates-editor-saved = Saved as version { $version } of `{ $id }`. Drafts use it once it is published.
templates-editor-published = Published: new drafts start from this version.
templates-editor-preview = Preview

## The editor's question form

templates-questions-text-changed = The text changed while the questions were being rewritten; make the change again.
templates-questions-heading = Questions (kept in step with the front matter)
templates-questions-legend = Questions
templates-questions-fix-front-matter = Fix the front matter to edit the questions here.
templates-questions-add = Add a question
templates-questions-gone = that question is gone
templates-question-id = Id
templates-question-label = Label
templates-question-type = Type
templates-question-unknown-type = unknown type
templates-question-required = Required
templates-question-step = Step
templates-question-help = Help
templates-question-default = Default (JSON)
templates-question-bad-default = default: { $error }
templates-question-limits = Limits (JSON, e.g. {"{"}"max_words": 300{"}"})
templates-question-bad-limits = limits: { $error }
templates-question-condition = Shown when (JSON, e.g. {"{"}"field": "scope", "equals": "all"{"}"})
templates-question-bad-condition = condition: { $error }
templates-question-move-up = Move up
templates-question-move-down = Move down
templates-question-remove = Remove

# The question types as the type menu names them; the values stay the template's own words.
templates-type-text = text
templates-type-long-text = long-text
templates-type-number = number
templates-type-money = money
templates-type-date = date
templates-type-choice = choice
templates-type-boolean = boolean
templates-type-company = company
templates-type-list = list
templates-type-evidence-list = evidence-list
