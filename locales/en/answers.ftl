# What is wrong with an answer, as the wizard shows it beside the question
# (and the command line and the API print it). Worded as the end of a
# sentence that starts with the question's label.

answer-required = an answer is required
# An answer refused before it is stored: $label is the question, $field its id.
answer-at-field = «{ $label }» (field `{ $field }`): { $problem }
answer-no-such-field = this template has no such field
answer-not-an-object = answers must be a JSON object of field ids to values, not { $got }
answer-too-large = holds { $total } characters; an answer can be at most { $max }
answer-single-line = must be a single line
answer-not-a-number = `{ $text }` is not a number: write it in digits, e.g. 2027 or 1200.50
answer-expected-text = expected text, got { $got }
answer-expected-number = expected a number, got { $got }
answer-expected-date = expected a date as YYYY-MM-DD, got { $got }
answer-expected-option = expected one of the options, got { $got }
answer-expected-boolean = expected true or false, got { $got }
answer-expected-list = expected a list, got { $got }
answer-expected-amount = expected an amount, got { $got }
answer-expected-company = expected a company name or an object with `name`, got { $got }
answer-not-a-date = expected a date as YYYY-MM-DD, got `{ $text }`
answer-date-too-late = `{ $text }` is too far ahead: dates go up to the year { $year }
answer-date-before = { $date } is before { $limit }
answer-date-after = { $date } is after { $limit }
answer-not-an-option = `{ $text }` is not one of the options ({ $options })
answer-too-few-items = needs at least { $min } items, has { $count }
answer-too-many-items = allows at most { $max } items, has { $count }
answer-item-not-text = item { $number } must be text, got { $got }
answer-item = item { $number }: { $problem }
answer-too-long-for-kind = is { $length } characters long; an answer of this kind can be at most { $max }
answer-too-long = is { $length } characters long; the limit is { $max }
answer-too-many-words = has { $words } words; the limit is { $max }
answer-below-minimum = { $value } is below the minimum of { $min }
answer-above-maximum = { $value } is above the maximum of { $max }
answer-amount-not-a-number = expected an amount as a number, e.g. 2000 or {"{"}"amount": 2000, "currency": "USD"{"}"}
answer-no-currency = says no currency: give {"{"}"amount": …, "currency": "USD"{"}"}
answer-bad-currency = currency `{ $currency }` is not an ISO 4217 code such as USD or EUR
answer-negative-amount = an amount cannot be negative
answer-unknown-company-detail = unknown company detail `{ $detail }` (known: name, ticker, address, secretary)
answer-company-detail-not-text = company { $detail } must be text, got { $got }
answer-company-needs-name = the company needs a name
answer-no-source = no source `{ $source }` in the evidence library
answer-no-claim = source `{ $source }` has no claim `{ $claim }`
answer-unknown-citation = cites [@{ $source }], which is not in the evidence library

## How messages name a value that does not fit

value-text = text `{ $text }`
value-number = the number { $number }
value-null = null
value-boolean = true/false
value-a-number = a number
value-some-text = text
value-list = a list
value-object = an object
