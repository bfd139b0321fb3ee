# The draft wizard: steps, answers, save state, preview, checks, evidence picker.

## The page and its steps

wizard-no-such-draft = this address names no draft
wizard-loading = Loading the draft…
wizard-template-version = { $template } · template version { $version }
wizard-history = History
wizard-campaign = Campaign
wizard-steps = Steps
wizard-step-questions = Questions
wizard-step-other-questions = Other questions
wizard-step-review = Review
wizard-part-loading = Loading…
wizard-back = Back
wizard-next = Next

## The review step

wizard-review-summary = { $count ->
    [0] Every question is answered. Check the preview, then download.
    [one] One answer needs attention before the document can be downloaded.
   *[other] { $count } answers need attention before the document can be downloaded.
}
wizard-review-edit = Edit “{ $label }”

## Saving

wizard-saved = Saved · version { $version } · { $at }
wizard-saved-just-now = just now
wizard-unsaved = Unsaved changes…
wizard-saving = Saving…
wizard-save-failed = Not saved: { $message }. Trying again in { $retry_in } s; keep this page open.
wizard-save-conflict = Not saved: this draft changed elsewhere
wizard-retry-now = Retry now
wizard-leave-unsaved = Your latest answers are not saved yet. Leave this page anyway and lose them?

## Another version saved elsewhere

wizard-conflict-title = This draft was changed elsewhere
wizard-conflict-explained = Version { $number } was saved at { $saved_at }, after this page loaded the draft. Your changes are not saved yet.{" "}
wizard-conflict-changes = { $count ->
    [0] Your answers and the saved ones are the same.
    [one] One answer differs:
   *[other] { $count } answers differ:
}
wizard-conflict-change = : saved “{ $before }”, yours “{ $after }”
wizard-conflict-keep-mine = Keep my answers (save as a new version)
wizard-conflict-take-theirs = Use the saved version (drop my changes)

## Preview and downloads

wizard-preview = Preview
wizard-preview-unavailable = The preview is not available: { $error }
wizard-download-docx = Download DOCX
wizard-download-pdf = Download PDF
wizard-evidence-report = Evidence report (PDF)
wizard-evidence-report-title = Every citing paragraph, its notes, and each claim with its quotation, translation and last check: for reviewers and co-filers
wizard-downloads-ready = Downloads are the saved version, as shown here.
wizard-downloads-after-save = Downloads become available once your changes are saved.
wizard-downloads-after-answers = Answer the questions marked in the wizard to download the finished document.
wizard-words-of-limit = { $counted } of { $limit } words
wizard-words = { $counted ->
    [one] { $counted } word
   *[other] { $counted } words
}
wizard-words-highlight = Highlight counted text
wizard-words-hide = Hide the count per paragraph

## Checks and their findings

wizard-checks-label = Filing-rule checks
wizard-checks = Checks
wizard-check-heading = { $severity }: { $title }
wizard-severity-passed = Passed
wizard-severity-warning = Warning
wizard-severity-failed = Failed
wizard-severity-dismissed = Dismissed
wizard-severity-note = Note
wizard-check-dismissed = Dismissed: { $reason }{" "}
wizard-check-undo = Undo
wizard-dismiss-reason = Reason to dismiss
wizard-dismiss = Dismiss

## Answering a question

wizard-suggestion = Proposed by the filing rules:{" "}
wizard-suggestion-use = Use this
wizard-limit-words = { $count ->
    [one] At most one word.
   *[other] At most { $count } words.
}
wizard-limit-characters = At most { $count } characters.
wizard-limit-choose-between = Choose { $min } to { $max }.
wizard-limit-choose-at-least = Choose at least { $min }.
wizard-limit-choose-at-most = Choose at most { $max }.
wizard-hint-cite = Cite a source with [@source-id] or [@source-id, p. 4].
wizard-hint-list = One item per line.
wizard-money-amount = Amount
wizard-money-currency = Currency (ISO code)
wizard-company-name = Legal name
wizard-company-ticker = Ticker
wizard-company-address = Address
wizard-company-secretary = Addressed to (e.g. Corporate Secretary)

## The evidence picker

wizard-picker-loading = Loading the evidence library…
wizard-picker-chosen = Chosen evidence, in order
wizard-picker-chosen-item = { $who }: { $text }
wizard-picker-not-in-library = { $reference } (not in the library)
wizard-picker-move-up = Move up: { $item }
wizard-picker-move-down = Move down: { $item }
wizard-picker-remove-item = Remove: { $item }
wizard-picker-remove = Remove
wizard-picker-add-from-library = Add evidence from the library
wizard-picker-search = Search title, publisher or claim
wizard-picker-tag = Tag
wizard-picker-any-tag = Any
wizard-picker-since = Published since (year or date)
wizard-picker-new-source = Add a new source to the library
wizard-picker-cite-in-text = Cite in text:{" "}
wizard-picker-quote = “{ $text }”
wizard-picker-translation = Translation ({ $language }, by { $by }): “{ $text }”
wizard-picker-add-claim = Add claim: { $claim }
wizard-picker-add = Add
wizard-picker-added = Added
wizard-picker-no-claims = No claims yet: the source is cited as a whole.
wizard-picker-add-source = Add source
