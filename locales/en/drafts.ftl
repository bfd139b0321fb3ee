drafts-count = { $count ->
    [one] One draft
   *[other] { $count } drafts
}
