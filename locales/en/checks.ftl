# The filing-rule checks: findings (a title and a reason each), the
# deadline computations they quote, the answers the rules suggest, and
# the campaign checks across documents. Rule citations stay as the rules
# write them.

## Shared wording

# Separates the items of a list inside a finding.
check-list-separator = {"; "}
check-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
# A phrase the check looked for, found in the draft.
check-phrase-found = Found: “{ $phrase }”.
check-word-limit-title = Word limit
check-word-limit-within = { $count } words of the { $limit } allowed (title, text and footnotes counted).
check-word-limit-over = { $count } words: { $over } over the limit of { $limit }. Shorten the recitals or the supporting statement.
check-filing-deadline-title = Filing deadline
check-deadline-needs-meeting = Give the date of the { $meeting ->
        [agm] AGM
        [general] general meeting
       *[meeting] meeting
    } to check the request's date against the deadline.
# $dated is "yes" when the letter has a date, "no" while today's date stands in for it.
check-deadline-in-time = The company must receive the request by { $deadline }; { $dated ->
        [yes] the letter is dated
       *[no] the letter has no date yet and today is
    } { $days } before. { $how } { $notes }
check-deadline-late = The deadline was { $deadline }; { $dated ->
        [yes] the letter is dated
       *[no] the letter has no date yet and today is
    } { $days } after it, so the company may refuse the request. { $how }
check-stale-claims-title = Dated claims
check-stale-claim = “{ $claim }” (as of { $held })
check-stale-claims-fresh = { $count ->
        [one] { $count } claim
       *[other] { $count } claims
    } that can go stale, each held within six months of this draft ({ $dated }).
check-stale-claims-warning = This draft ({ $dated }) states in the present tense { $count ->
        [one] { $count } claim
       *[other] { $count } claims
    } that held more than six months earlier: { $claims }. Check that each still holds, then update the claim in the evidence library, or say in your own words what was true then.
check-instructions-left-title = Instructions left in the text
check-instructions-left = Replace the bracketed instructions with the draft's own text: “{ $start }…”
check-no-jurisdiction-title = No filing rules
check-no-jurisdiction = Template `{ $template }` names no jurisdiction, so no filing rules apply to it.

## When the checks cannot run

check-rules-unavailable-title = The filing rules could not be checked
check-error-rule-data = rule data { $file }: { $message }
check-error-not-in-force = { $pack } has no parameters in force on { $date }
check-error-jurisdiction = unknown jurisdiction `{ $jurisdiction }`; use us-sec-14a8, uk-ca2006-s338 or fr-code-commerce

## The live preview's word count

check-word-count-limited = { $counts ->
        [proposal] proposal and supporting statement, Rule 14a-8(d)
       *[statement] statement, Companies Act 2006 s314
    }; title and notes included
check-word-count-unlimited = whole document, notes included; no word limit applies

## United States, Rule 14a-8

check-14a8-intent-to-hold-title = Intent to hold through the meeting
check-14a8-intent-to-hold-missing = The proponent must state in writing that it intends to hold the required shares through the date of the meeting.
check-14a8-proof-of-ownership-title = Proof of ownership
check-14a8-proof-of-ownership-missing = Enclose the record holder's letter confirming continuous ownership, or say it will follow (within 14 days of a deficiency notice).
check-14a8-one-proposal-title = One proposal per proponent
check-14a8-one-proposal-reminder = Each proponent may submit only one proposal per meeting, directly or through a representative: check the campaign's other filings for this meeting.
check-14a8-no-recitals-title = No recitals yet
check-14a8-no-recitals = The proposal has no recital (a paragraph starting “Whereas”) yet; each one you add is checked for a source.
check-14a8-recitals-cited-title = Every recital cites a source
check-14a8-recitals-cited = { $count ->
        [one] { $count } recital, with a footnote.
       *[other] { $count } recitals, each with a footnote.
    }
check-14a8-recital-uncited-title = A recital without a source
check-14a8-recital-uncited = “{ $recital }” states a fact without a citation; a company may argue it is false or misleading. Cite the evidence it rests on.
check-14a8-no-resolved-title = No RESOLVED clause
check-14a8-no-resolved = No paragraph starts with “RESOLVED”: the proposal's request must be clear.
check-14a8-report-qualifier-title = Report without the usual qualifier
check-14a8-report-qualifier = A report request usually says it is to be prepared “at reasonable cost and omitting proprietary information”; without it the ask reads as more intrusive.
check-14a8-prescriptive-title = Prescriptive wording
# $what: what the phrase sets (deadline, obligation, order, metric); $phrase: the words found.
check-14a8-prescriptive = The RESOLVED clause sets { $what ->
        [deadline] a deadline
        [obligation] an obligation
        [order] an order to the board
       *[metric] a metric
    } (“{ $phrase }”). Deadlines, methods and metrics read as micromanagement, a ground for exclusion as ordinary business, and lower support; ask for an assessment and leave the method to the board.
check-14a8-already-done-title = May duplicate what the company already does
check-14a8-already-done = Most large companies already have “{ $ask }”; the company may argue the proposal is substantially implemented. Ask how well existing processes work instead.
check-14a8-wording-title = Request wording
check-14a8-wording = The RESOLVED clause asks for a report with the usual qualifier and sets no deadline, method or metric.
check-14a8-engagement-title = Engagement availability
check-14a8-engagement-not-required = Not required by the rule version in force.
check-14a8-engagement-missing = State when the proponent can meet the company: specific business days and times between { $from } and { $to } calendar days after submission.
check-14a8-engagement-within = { $count } slots, all { $from } to { $to } days after submission on { $submitted }.
check-14a8-engagement-outside = Offer times { $from } to { $to } calendar days after submission, within business hours at the company's principal executive offices: { $problems }.
check-14a8-deadline-needs-proxy-date = Give the date last year's proxy statement was released to check the letter's date against the deadline.
check-14a8-eligibility-title = Eligibility

## Engagement times (the slots are written in English, as the letters are)

check-slot-no-date = “{ $slot }” has no date as “Month D, YYYY”
check-slot-outside-window = “{ $slot }” is { $days } after submission ({ $submitted })
# $problem: check-slot-outside-hours or check-slot-unplaced.
check-slot-problem = “{ $slot }” { $problem }
check-slot-no-zone = “{ $slot }” names no time zone (write, say, “Eastern Time” or “Pacific Time”)
check-slot-no-time = “{ $slot }” has no time as “10:00–11:00 a.m.” after its date
check-slot-unplaced = the time could not be placed in { $zone }: { $error }
check-slot-outside-hours = is { $from }–{ $to } { $zone } at the company's offices, outside business hours (9 a.m. to 5 p.m.)
check-zone-eastern = Eastern Time
check-zone-central = Central Time
check-zone-mountain = Mountain Time
check-zone-arizona = Mountain Time (Arizona)
check-zone-pacific = Pacific Time
check-zone-alaska = Alaska Time
check-zone-hawaii = Hawaii Time

## Rule 14a-8 eligibility (amounts in US dollars)

check-eligibility-met = Eligible: ${ $value } held continuously since { $since } meets the tier of ${ $tier } for { $years ->
        [one] { $years } year
       *[other] { $years } years
    } (as of { $as_of }).
check-eligibility-tier-needs-more = ${ $tier } for { $years } year(s) needs ${ $more } more
check-eligibility-tier-met-on = ${ $tier } for { $years } year(s) is met on { $date }
check-eligibility-not-met = Not eligible as of { $as_of } with ${ $value } held since { $since }: { $missing }. Holdings of different shareholders cannot be combined.

## Deadlines, step by step

check-deadline-no-prior-proxy = No proxy statement was released for a meeting last year.
check-deadline-no-prior-meeting = With no meeting last year, the deadline is a reasonable time before the company begins to print and send its proxy materials (Rule 14a-8(e)(2)). Ask the company, or check its latest filings for a date it has set.
check-deadline-prior-proxy = Last year's proxy statement was released on { $date }.
check-deadline-anniversary = Its anniversary is { $date }.
check-deadline-anniversary-of-leap-day = Its anniversary is { $date }. (29 February has no anniversary in a common year: 28 February is used.)
check-deadline-before-anniversary = { $days } calendar days before the anniversary: { $date }.
check-deadline-meeting-moved = This year's meeting ({ $meeting }) is { $days } days from the anniversary of last year's ({ $prior_meeting }).
check-deadline-meeting-moved-judgement = The meeting moved by more than { $days } days, so the rule's deadline is a reasonable time before the company begins to print and send its proxy materials; the date above is the formula's, for reference only. Check the company's filings (often a Form 10-Q or 8-K) for the date it announces.
# $closed: saturday, sunday or holiday ($holiday then names the US federal holiday).
check-deadline-closed-day = The deadline falls on a { $closed ->
        [saturday] Saturday
        [sunday] Sunday
       *[holiday] { $holiday }
    }. The rule counts calendar days and does not move it, and Exchange Act Rule 0-3, which moves deadlines off weekends and holidays, covers papers filed with the SEC, not a proposal delivered to a company. Make sure the proposal is received by { $date }, the last business day before.
check-deadline-agm-on = The AGM is on { $date }.
check-deadline-six-weeks-before = { $days } days (six weeks) before it: { $date }.
check-deadline-notice-later = Notice of the meeting is given later, on { $date }: that is the deadline (s338(4)(d)(ii)).
check-deadline-notice-earlier = Notice is given on { $date }, before that, so six weeks applies (s338(4)(d)(i)).
check-deadline-notice-unknown = The date notice is given is not known; if it is later than six weeks before the meeting, that later date applies (s338(4)(d)(ii)).
check-deadline-s314-statement = A members' statement under s314 (up to { $words } words) must be received by { $date }, one week before the meeting.
check-deadline-meeting-on = The meeting is on { $date }.
check-deadline-s314-request = A request to circulate a statement of up to { $words } words must be received at least one week before it: { $date }.
check-deadline-fr-before-meeting = Requests must be sent at least { $days } days before it (R225-72): by { $date }.
check-deadline-fr-balo-window = The BALO notice was published on { $notice }; a listed company's shareholders may send requests at most { $days } days after it (R225-73 II): by { $date }.
check-deadline-fr-earlier = The earlier of the two: { $date }.
check-deadline-fr-balo-note = For a listed company, requests may also not be sent more than { $days } days after its BALO notice (R225-73 II), published at least { $notice_days } days before the meeting (by { $date }): give the notice's date to count that limit too.

## United Kingdom, Companies Act 2006

check-uk-effective-title = A resolution the company must circulate
check-uk-effective = The company need not give notice of a resolution that would be ineffective (for example, inconsistent with an enactment or with the company's constitution), that is defamatory of any person, or that is frivolous or vexatious.
check-uk-identifies-resolution-title = The resolution is identified
check-uk-identifies-resolution-missing = A request must identify the resolution of which notice is to be given: quote it or enclose it.
check-uk-threshold-title = The members' threshold is stated
check-uk-threshold-missing = Say that the requesting members hold at least { $percent }% of the total voting rights, or are at least { $members } members with the right to vote who hold shares with an average of at least £{ $paid_up } paid up per member.
check-uk-authenticated-title = Authenticated by the members
check-uk-authenticated-missing = A request must be authenticated by each member making it: signed, or for a request in electronic form, identified as the company's articles allow.
check-uk-expenses-title = Who pays for circulating the resolution
check-uk-expenses = If requests enough to oblige the company reach it before the end of the financial year preceding the meeting, the company bears the expense of circulating the resolution. Otherwise the members who asked for it pay, unless the company resolves otherwise, and the company need not act unless a sum reasonably sufficient to meet its expenses is deposited or tendered no later than six weeks before the AGM or, if later, when notice of the meeting is given.
check-uk-statement-title = The statement
check-uk-statement-missing = Write the statement the members ask the company to circulate.
check-uk-statement-limit-title = Statement of at most 1,000 words
check-uk-statement-within = { $count } words of the { $limit } allowed.
check-uk-statement-over = The statement has { $count } words; s314 allows at most { $limit }: shorten it by { $over }.

## France, Code de commerce

check-fr-statement-of-reasons-title = Statement of reasons
check-fr-statement-of-reasons-missing = A draft resolution may carry a brief statement of reasons (« bref exposé des motifs »); it is optional, and helps other shareholders vote.
check-fr-text-of-resolutions-title = Text of the draft resolutions
check-fr-text-of-resolutions-missing = The request must carry the text of the draft resolutions: enclose it or quote it.
check-fr-registration-certificate-title = Certificate that the shares are registered
check-fr-registration-certificate-missing = Enclose the certificate that the shares are registered in the accounts (« attestation d'inscription en compte »), which proves the fraction of capital held.
check-fr-capital-held-title = Fraction of the capital held
check-fr-capital-held-missing = Say what fraction of the capital the requesting shareholders hold, so the company can check it against the threshold (5%, lower on the sliding scale above €750,000 of capital).

## Checks across a campaign's documents

# A draft of the campaign, as the findings name it.
check-campaign-draft = draft { $id } “{ $title }”
check-campaign-letter-title = Filing letter for this proposal
check-campaign-letter-missing = No filing letter draft for this company's meeting yet. The intent-to-hold statement, proof of ownership and engagement times go in the filing letter: start one from a filing-letter template with the same company and meeting year.
check-campaign-letter-sound = { $draft }: its intent-to-hold, ownership and engagement checks pass.
check-campaign-proposal-title = Proposal for this letter
check-campaign-proposal-missing = No proposal draft for this company's meeting yet: the letter is sent with the proposal and its supporting statement.
check-campaign-proposal-sound = { $draft }: no failed checks.
# $failing: the titles of the draft's failed checks.
check-campaign-partner-fails = { $draft } fails: { $failing }. Open it to see why.
check-campaign-unchecked = its checks could not run (its template does not render)
check-campaign-name-the-proponent = Name the proponent to check that it files only one proposal for this meeting.
check-campaign-more-proposals = { $proponent } also has { $drafts } for this meeting; each proponent may submit one proposal per meeting, directly or through a representative. File only one of them.
check-campaign-one-proposal = No other proposal by { $proponent } for this meeting among the drafts.
check-campaign-document-unchecked = its template does not render with these answers: open it to see why
check-campaign-rules-unavailable = the rule parameters did not load: { $error }
check-campaign-deadline-needs-proxy-date = Enter last year's proxy release date to compute the Rule 14a-8 deadline.
check-campaign-deadline-needs-meeting-uk = Enter the meeting date to compute the section 338 deadline.
check-campaign-deadline-needs-meeting-fr = Enter the meeting date to compute the deadline under R225-72.

## Answers the rules suggest in the wizard

check-fill-zone = From the company's address: its principal executive offices keep { $zone_name } ({ $zone }).
check-fill-engagement-slots = Business days { $from } to { $to } calendar days after the letter's date ({ $submitted }), as Rule 14a-8(b)(1)(iii) requires. Change the times to ones the proponent can keep.
check-fill-letter-date = Today: { $days } days before the deadline of { $deadline }.
