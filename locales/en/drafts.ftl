# The drafts page, a draft's history, packets, publishing, the newer
# template notice, renaming a draft, and the readers' page.


## The drafts page

drafts-title = Drafts
drafts-search = Search title, company or template
drafts-status = Status
drafts-status-any = Any
drafts-status-draft = Draft
drafts-status-in-review = In review
drafts-status-final = Final
drafts-status-of = Status of { $title }
drafts-status-unknown = `{ $status }` is not a status: use draft, in-review or final
drafts-show-archived = Show archived drafts
drafts-loading = Loading drafts…
drafts-none-match = No drafts match. Start one from a template above.
drafts-new-heading = Start a draft
drafts-template = Template
drafts-new-title = Title (optional)
drafts-new-title-example = e.g. Proposal to Example Corp, 2027
drafts-new-start = Start draft
drafts-column-packet = In packet
drafts-column-title = Title
drafts-column-company = Company
drafts-column-changed = Last change
drafts-column-actions = Actions
drafts-pick-for-packet = Put { $title } in a packet
drafts-archived-tag = {" "}archived
drafts-history = History
drafts-duplicate = Duplicate
drafts-archive = Archive
drafts-unarchive = Unarchive

## A draft's history

drafts-history-loading = Loading the history…
drafts-history-title = History of “{ $title }”
drafts-history-back = Back to the draft
drafts-history-version = Version
drafts-history-saved = Saved
drafts-history-note = Note
drafts-history-compare = Compare
drafts-history-latest = {" "}(latest)
drafts-history-from = from
drafts-history-to = to
drafts-history-view = View
drafts-history-restore = Restore as new version
drafts-restored = Restored as version { $version }.
drafts-restore-conflict = Not restored: version { $current } was saved meanwhile. Look at it, then try again.
drafts-restore-unchanged = Nothing to restore.
drafts-changes = Changes
drafts-changes-title = Changes from version { $before } to { $after }
drafts-changes-none = No answer changed.
drafts-changes-choose = Choose a “from” and a “to” version to see what changed.
drafts-version-title = Version { $number } ({ $saved })

## Packets

drafts-packets = Packets
drafts-packets-help = Tick drafts in the list to render them together: the latest saved version of each as DOCX and PDF, with its evidence report and a manifest of every file's SHA-256, in one ZIP.
drafts-packet-title = Packet title
drafts-packet-title-example = e.g. Co-filer letters, 2027
drafts-packet-tick = Tick drafts to make a packet
drafts-packet-render = { $count ->
    [one] Render { $count } draft as a packet
   *[other] Render { $count } drafts as a packet
}
drafts-packets-loading = Loading packets…
drafts-packets-none = No packet yet.
drafts-packet-queued = waiting to start
drafts-packet-stopping = stopping
drafts-packet-running = rendering
drafts-packet-done = done
drafts-packet-failed = failed
drafts-packet-stopped = stopped
drafts-packet-progress = { $done } of { $total } documents
drafts-packet-progress-minutes = { $done } of { $total } documents, about { $minutes } min left
drafts-packet-progress-seconds = { $done } of { $total } documents, about { $seconds } s left
drafts-packet-progress-of = Progress of { $title }
drafts-packet-percent = { $percent }%
drafts-packet-stop = Stop
drafts-packet-download = Download ZIP ({ $files } files)
drafts-packet-failures = { $count } could not be rendered
drafts-packet-failure = { $origin }: { $message }

## Publishing for readers

drafts-publish-heading = Publish for readers
drafts-published-at = Version { $version } is published at{" "}
drafts-published-indexed = {" "}(search engines may index it).
drafts-published-not-indexed = {" "}(not indexed by search engines).
drafts-publish-withdraw = Withdraw
drafts-publish-explained = A final draft can be published at a read-only address for readers. Only people with the address can open it.
drafts-mark-final = Mark final
drafts-marked-final = Marked final
drafts-publish-search-engines = Search engines:{" "}
drafts-publish-no-index = do not index
drafts-publish-may-index = may index
drafts-publish = Publish

## A newer version of the draft's template

drafts-template-newer = Newer template version
drafts-template-newer-note = This draft uses version { $current } of its template; version { $newer } is newer. The draft keeps its version until you move it.{" "}
drafts-template-what-changes = What would change?
drafts-template-comparing = Comparing the versions…
drafts-template-added = New questions
drafts-template-removed = Questions no longer asked
drafts-template-changed = Changed questions
drafts-template-dropped = Answers that will not be carried over (earlier versions keep them)
drafts-template-lines = Template text: { $added } line(s) added, { $removed } removed.
drafts-template-move = Move this draft to version { $version }
drafts-template-move-conflict = Not moved: version { $current } of the draft was saved elsewhere meanwhile. Reload the page, then try again.

## Renaming a draft

drafts-rename = Rename
drafts-rename-label = Draft title
drafts-rename-save = Save title
drafts-rename-cancel = Cancel

## The readers' page of a published draft

drafts-reader-downloads = Downloads
drafts-reader-not-found = there is no document at this address
drafts-reader-withdrawn = this document has been withdrawn by its publisher

## What is wrong with a draft's title

drafts-title-missing = a draft needs a title
drafts-title-too-long = a title can be at most { $max } characters
drafts-title-one-line = a title is one line of text
