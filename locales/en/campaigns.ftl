# Campaigns: the list, a campaign's page, its shared answers, and the
# mapping page of an imported co-filer list.

campaigns-title = Campaigns
campaigns-intro = A campaign gathers the documents of one filing: the proposal, the filing letter, each co-filer's letter and ownership-proof request, the engagement letter. Their shared answers are entered once here, the checks look across them, and they render together as one packet.
campaigns-loading = Loading campaigns…
campaigns-none = No campaign yet.
campaigns-column-campaign = Campaign
campaigns-column-meeting = Meeting
campaigns-column-documents = Documents

## The form that starts a campaign

campaigns-new-title = Start a campaign
campaigns-name = Name
campaigns-name-placeholder = e.g. Contracts review, 2027 meeting
campaigns-filing-rules = Filing rules
campaigns-rules-us-sec-14a8 = United States — SEC Rule 14a-8
campaigns-rules-uk-ca2006-s338 = United Kingdom — Companies Act 2006, s338 and s314
campaigns-rules-fr-code-commerce = France — Code de commerce, L225-105
campaigns-start = Start campaign

## Shared answers

campaigns-shared-legend = Shared answers (every document of the campaign takes these unless it answers otherwise)
campaigns-company = Company
campaigns-company-address = Company address (optional)
campaigns-meeting-year = Meeting year
campaigns-prior-proxy-date = Last year's proxy statement released on
campaigns-meeting-date = This year's meeting (when known)
campaigns-prior-meeting-date = Last year's meeting
campaigns-proposal-title = Proposal title
campaigns-lead-filer = Lead filer

## A campaign's page

campaigns-loading-campaign = Loading the campaign…
campaigns-subtitle = { $company }, { $year } meeting
campaigns-documents-heading = Documents ({ $count })
campaigns-no-documents = No document yet: add one from a template, or import co-filers below.
campaigns-cofilers-heading = Co-filers ({ $count }):{" "}
campaigns-deadline-label = Filing deadline
campaigns-deadline-days-left = Filing deadline: { $date }, { $days } days left
campaigns-deadline-tomorrow = Filing deadline: { $date }, tomorrow
campaigns-deadline-today = Filing deadline: { $date }, today
campaigns-deadline-passed = Filing deadline: { $date }, passed { $days } days ago
campaigns-deadline-judgement = Filing deadline: a reasonable time before the company prints its proxy materials
campaigns-deadline-how = How it was computed
campaigns-column-document = Document
campaigns-column-kind = Kind
campaigns-column-cofiler = Co-filer
campaigns-column-status = Status
campaigns-column-checks = Checks
campaigns-column-overrides = Overrides
campaigns-column-actions = Actions
campaigns-status-draft = draft
campaigns-status-in-review = in-review
campaigns-status-final = final
campaigns-checks-pass = all pass
campaigns-checks-failed = { $failed } failed
campaigns-checks-to-look-at = { $warnings } to look at
campaigns-checks-both = { $failed } failed, { $warnings } to look at
# After a finding's title, in bold.
campaigns-finding-reason = : { $reason }
campaigns-take-out = Take out
campaigns-take-out-help = The draft stays, outside the campaign
campaigns-add-title = Add a document
campaigns-template = Template
campaigns-title-optional = Title (optional)
campaigns-add-submit = Add document
campaigns-added = Added.
campaigns-open-it = Open it
campaigns-existing-title = Add an existing draft
campaigns-loading-drafts = Loading drafts…
campaigns-all-in-campaigns = Every draft is already in a campaign.
campaigns-draft = Draft
campaigns-choose-draft = — choose a draft —
campaigns-add-to-campaign = Add to the campaign
campaigns-import-title = Import co-filers
campaigns-import-help = A CSV or XLSX file with one co-filer per row and a header row naming the columns. Next you match columns to the documents' fields; each co-filer then gets a co-filer letter and an ownership-proof request.
campaigns-import-file = List of co-filers
campaigns-import-read = Read the list
campaigns-answers-title = Campaign answers
campaigns-save-answers = Save the campaign's answers
campaigns-saved-none = Saved. No document needed a change.
campaigns-saved-updated = Saved. { $count } documents took the new answers:

## The mapping page of an imported co-filer list

campaigns-loading-list = Loading the list…
campaigns-import-heading = Import co-filers into “{ $campaign }”
campaigns-import-rows = { $file }: { $rows } rows.
campaigns-back = Back to the campaign
campaigns-imported-on = This list was imported on { $date }; its documents are on the campaign page.
campaigns-first-rows = The first rows
campaigns-name-column = The column naming each co-filer
campaigns-not-imported = — not imported —
campaigns-check-rows = Check the rows
campaigns-make-documents = Make the documents
campaigns-made = Made { $made } documents for { $cofilers } co-filers.
campaigns-ready = { $documents } documents for { $cofilers } co-filers are ready to be made.
campaigns-problems = { $count } problems: those rows are left out until fixed.
campaigns-problem-cell = row { $line }, column { $column }: { $message }
campaigns-problem-row = row { $line }: { $message }
campaigns-open-campaign = Open the campaign
campaigns-nothing-to-make = no row gives a document: fix the rows listed, or the mapping, first
campaigns-template-chosen-twice = template `{ $id }` is chosen twice

# The co-filer list's upload (a plain form, answered by the server).
campaigns-upload-forbidden = your role may read but not change drafts: ask an admin for the drafter role
campaigns-upload-failed = The list could not be imported
campaigns-upload-back = Back to the campaign
campaigns-upload-back-why = {" "}to choose another file.
campaigns-upload-unreadable = the upload could not be read: { $detail }
campaigns-upload-choose = choose a CSV or XLSX file to import
campaigns-upload-too-large = { $name }: a co-filer list can be at most { $kib } KiB
campaigns-upload-empty = { $name } is empty

# What an imported co-filer list's file, mapping or rows get wrong.
campaigns-import-in-file = { $file }: { $problem }
campaigns-import-too-large = the file is { $kib } KiB; a co-filer list can be at most { $max } KiB
campaigns-import-old-format = only CSV and XLSX files are read: save the sheet as .xlsx or .csv
campaigns-import-not-utf8 = the file is not UTF-8 text (byte { $byte }): save it as CSV UTF-8 or as .xlsx
campaigns-import-no-header = the first row must name the columns; it is empty
campaigns-import-too-many-columns = the sheet has { $count } columns; at most { $max } are read
campaigns-import-no-rows = the sheet has a header row but no co-filer under it
campaigns-import-too-many-rows = the sheet has { $count } rows; at most { $max } co-filers are imported at once
campaigns-import-header-twice = row 1, column { $column }: the header `{ $header }` appears twice
# $detail names the character.
campaigns-import-refused-character = row { $line }, column { $column }, character { $at }: { $detail }
campaigns-import-at-row = row { $line }: { $problem }
campaigns-import-at-cell = row { $line }, column { $column }: { $problem }
# $detail: the spreadsheet reader's own words.
campaigns-import-not-xlsx = not a readable XLSX workbook ({ $detail })
campaigns-import-no-sheet = the workbook has no sheet
campaigns-import-sheet-unreadable = the first sheet cannot be read ({ $detail })
campaigns-import-sheet-empty = the first sheet is empty
campaigns-import-cell-error = the cell holds a spreadsheet error ({ $detail })
campaigns-import-field = «{ $label }»: { $problem }
campaigns-import-name-empty = the co-filer's name is empty
campaigns-import-name-column-missing = the column naming co-filers is { $column }, but the list has { $count } columns
campaigns-import-no-template = choose at least one template to make co-filers' documents from
campaigns-import-template-not-chosen = the mapping names template `{ $template }`, which is not among the chosen ones
campaigns-import-column-missing = field `{ $target }` is mapped to column { $column }, but the list has { $count } columns
campaigns-import-no-such-target = template `{ $template }` has no field `{ $target }` a co-filer's row can fill
campaigns-import-not-json = `{ $cell }` is not valid JSON: { $detail }
campaigns-import-not-yes-no = `{ $cell }` is not yes or no (true/false, 1/0)
campaigns-import-not-a-number = `{ $cell }` is not a number

## The campaign form's answers, checked on the server
# $field: the answer's id; $problem: what is wrong with it.

campaigns-input-problem = { $field ->
        [name] Name
        [company] Company
        [company_address] Company address
        [proposal_title] Proposal title
        [lead_filer] Lead filer
        [meeting_year] Meeting year
        [meeting_date] This year's meeting
        [prior_meeting_date] Last year's meeting
        [prior_proxy_date] Last year's proxy statement
        [jurisdiction] Rules
       *[other] { $field }
    }: { $problem }
campaigns-input-name-missing = give the campaign a name
campaigns-input-company-missing = name the company the campaign is for
campaigns-input-bad-year = { $year } is not a meeting year (1900 to 2200)
campaigns-input-bad-date = `{ $text }` is not a date as YYYY-MM-DD
campaigns-input-too-long = can be at most { $max } characters
campaigns-input-unknown-rules = there are no rules called `{ $given }`; choose US (Rule 14a-8), UK (Companies Act 2006) or France (Code de commerce)
campaigns-import-unpacks-too-large = the workbook's part `{ $part }` unpacks to more than { $max } MiB; a co-filer list is far smaller
