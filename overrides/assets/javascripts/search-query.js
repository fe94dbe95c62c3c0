/* How a typed query becomes a Pagefind search: the ranking options, and for Polish the query's words cut
   to their stems. Pagefind has no Polish stemmer, but it matches every query word as the beginning of a
   word, so "konsultacjach" cut to "konsultacj" finds konsultacje, konsultacji, konsultacjach alike, and
   "starzenie" cut to "starz" finds starzeje, starzejącego. Used by search.js and by the search tests,
   which measure recall and ranking through these very functions. No page access: plain functions. */
(function () {
  "use strict";

  /* Pagefind's ranking (defaults: termSimilarity 1, pageLength 0.75): a word matched as typed counts
     well above a longer word that merely begins with it, and long guides are not pushed below short
     pages that mention a word in passing (tests/search/ranking.yml). */
  var RANKING = { termSimilarity: 5, pageLength: 0.5 };

  /* Polish inflectional endings, longest first; each is cut once, leaving a stem of at least 4 letters.
     The locative and dative singular change the stem's last consonant (rada → radzie, droga → drodze,
     szkoła → szkole): those endings give the consonant back. Where the changed consonant is one letter
     more (spacer → spacerze, geoankieta → geoankiecie, polityka → polityce) the ending goes with it:
     what remains still begins every form of the word. */
  var ALTERNATIONS = [["dzie", "d"], ["dze", "g"], ["le", "ł"], ["cie", ""], ["rze", ""], ["ce", ""]];
  var ENDINGS = ["ościami", "ościach", "ującego", "ującymi", "ującej", "ującym", "ejącego", "aniach", "aniami",
    "eniach", "eniami", "eniem", "aniem", "enie", "enia", "eniu", "anie", "ania", "aniu", "ości", "ość", "iego",
    "ach", "ami", "ego", "emu", "owi", "ych", "ymi", "imi", "ich", "om", "ów", "ie", "ej", "ą", "ę", "a", "e",
    "i", "o", "u", "y"];
  var MIN_STEM = 4;

  function polishStem(word) {
    var lower = word.toLowerCase();
    if (lower.length <= MIN_STEM || /[^a-ząćęłńóśźż]/.test(lower)) return word;   // short, or not a Polish word
    for (var i = 0; i < ALTERNATIONS.length; i++) {
      var alt = ALTERNATIONS[i];
      var base = lower.slice(0, -alt[0].length);
      if (lower.slice(-alt[0].length) === alt[0] && (alt[1] ? base.length >= 2 : base.length >= MIN_STEM)) {
        return base + alt[1];
      }
    }
    for (var j = 0; j < ENDINGS.length; j++) {
      var ending = ENDINGS[j];
      if (lower.length - ending.length >= MIN_STEM && lower.slice(-ending.length) === ending) {
        return lower.slice(0, -ending.length);
      }
    }
    return lower;
  }

  /* The query Pagefind is given for what a reader typed on a page in lang. */
  function terms(query, lang) {
    if (lang !== "pl" || !query) return query;
    return query.split(/\s+/).filter(Boolean).map(polishStem).join(" ");
  }

  window.KB_SEARCH = { ranking: RANKING, terms: terms, polishStem: polishStem };
})();
