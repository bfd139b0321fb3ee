drafts-count = { $count ->
    [one] Un brouillon
   *[other] { $count } brouillons
}
