# The evidence library page and the source form (the wizard uses it too).

## The library page

evidence-heading = Evidence library
evidence-lead = Sources, the claims drafters cite from them, and verbatim quotes: your organisation's, the sample library, and sources other organisations share.
evidence-search = Search
evidence-add-source = Add a source
evidence-import-heading = Import from Zotero (CSL-JSON or BibTeX)
evidence-import-label = Paste the exported file
evidence-import = Import
evidence-imported = { $format }: { $count } added
evidence-import-skipped = ; already in the library, left as they are: { $ids }
evidence-loading = Loading the library…
evidence-claim-count = { $count } claim(s)
evidence-from-owner = from { $owner }
evidence-shared = shared with everyone
evidence-retired = retired: not offered to drafters
evidence-edit = Edit
evidence-retire = Retire
evidence-bring-back = Bring back
evidence-share = Share with everyone
evidence-delete = Delete

## The source form

evidence-form-edit-heading = Edit source
evidence-form-new-heading = New source
evidence-form-fixed-id = Id: { $id } (an id cannot change: drafts cite it)
evidence-form-id = Id
evidence-form-id-hint = Letters, digits, - and _; used in citations as [@id].
evidence-form-type = Type
evidence-form-title = Title
evidence-form-title-en = English title (for a source in another language)
evidence-form-authors = Authors
evidence-form-authors-hint = One per line, as “Last, First”.
evidence-form-publisher = Publisher
evidence-form-container = Published in (newspaper, website, series)
evidence-form-number = Report or document number
evidence-form-place = Place
evidence-form-date = Date
evidence-form-date-hint = YYYY-MM-DD, YYYY-MM or YYYY.
evidence-form-url = Address (URL)
evidence-form-language = Language of the source
evidence-form-language-hint = A tag such as en or fr.
evidence-form-tags = Tags
evidence-form-tags-hint = Separated by commas.
evidence-form-provenance = Where these details come from
evidence-form-claims = Claims
evidence-form-add-claim = Add a claim
evidence-form-save = Save source
evidence-form-needs-id-and-title = a source needs an id and a title

# The kinds of source.
evidence-type-press-release = Press release
evidence-type-news-article = News article
evidence-type-blog-post = Blog post
evidence-type-report = Report
evidence-type-guidance = Guidance
evidence-type-legal-text = Legal text
evidence-type-proxy-filing = Proxy filing
evidence-type-web-page = Web page

## One claim in the source form

evidence-claim-heading = Claim { $number }
evidence-claim-id = Claim id
evidence-claim-text-en = The claim, in English (your words)
evidence-claim-text-fr = The claim, in French (your words)
evidence-claim-pinpoint = Pinpoint (page, paragraph)
evidence-claim-quote = Verbatim quote (exactly as the source has it)
evidence-claim-quote-language = Language of the quote
evidence-claim-translation = Translation of the quote
evidence-claim-translation-language = Language of the translation
evidence-claim-translated-by = Translated by
evidence-claim-rendering-of = If the source quotes words first said in another language, that language (e.g. en): documents in it will not quote them
evidence-claim-checked = Last checked against the source (YYYY-MM-DD)
evidence-claim-as-of = True as of (YYYY-MM-DD), for a claim that can go stale: a toll, “has not disclosed”, “is ongoing”
evidence-claim-remove = Remove this claim
evidence-claim-needs-text = claim { $number }: write the claim in English or French
evidence-claim-needs-quote-language = claim { $number }: say the language of the quote (e.g. fr)
evidence-claim-needs-translator = claim { $number }: say whose translation it is (a translation is never the source's words)

## What is wrong with a source when it is saved or imported

evidence-bad-source-id = source id `{ $source }` may use only letters, digits, `-` and `_`
evidence-source-twice = source id `{ $source }` appears twice
evidence-source-refused = source `{ $source }`: { $detail }
evidence-bad-source-date = source `{ $source }`: date `{ $date }` is not YYYY-MM-DD, YYYY-MM or YYYY
evidence-claim-twice = source `{ $source }`: claim id `{ $claim }` appears twice
evidence-claim-without-text = source `{ $source }`, claim `{ $claim }`: the claim has no text
evidence-bad-rendering-of = source `{ $source }`, claim `{ $claim }`: the quote renders words first said in `{ $language }`, which is not a language tag such as `en`
evidence-bad-as-of = source `{ $source }`, claim `{ $claim }`: as of `{ $date }` is not YYYY-MM-DD
evidence-bad-checked = source `{ $source }`, claim `{ $claim }`: last checked `{ $date }` is not YYYY-MM-DD
