# Praxis interface strings (English). Keys are shared by fr/ and es/.

## Frame
skip-to-content = Skip to content
nav-label = Main
nav-initiatives = Initiatives
nav-places = Places
nav-about = About
language-switcher = Language
search-label = Search initiatives
search-placeholder = Search initiatives, places, organisations…
search-button = Search
footer-tagline = Praxis: cities sharing what they have learned, in their own languages.
footer-attribution = Place facts from
footer-api = Open data and API
feed-title = Praxis: newly published initiatives

## Errors shown as pages
error-not-found-title = Page not found
error-not-found-text = There is no page at this address. It may have moved, or the initiative may no longer be published.
error-browse = Browse all initiatives
error-home = Home page

## Cards
written-in = Written in
available-in = Available in

## Home
home-page-title = Home
home-title = Cities learning from cities
home-lead = Local and regional governments publish what they did — plans, programmes, services, regulations — so that peers anywhere can find it, in their own language, and learn from it.
meta-description = Local and regional governments publish what they did — plans, programmes, services, regulations — so that peers anywhere can find it, in their own language, and learn from it.
stat-initiatives = { $count ->
    [one] initiative
   *[other] initiatives
}
stat-cities = { $count ->
    [one] city
   *[other] cities
}
stat-countries = { $count ->
    [one] country
   *[other] countries
}
stat-initiatives-short = { $count ->
    [one] { $formatted } initiative
   *[other] { $formatted } initiatives
}
home-latest = Latest initiatives
home-all-initiatives = See all initiatives
home-themes = Browse by theme

## About
about-title = About Praxis
about-lead = Praxis is an open platform on which networks of cities exchange what they have learned.
about-how-title = How it works
about-how-text = A government body publishes an initiative in its own language: what it set out to do, how, with whom, at what cost and with what results. Peers find it by theme, place, aim and kind, and every initiative shows where it was carried out and who to contact.
about-languages-title = Every language, one catalogue
about-languages-text = The interface is available in English, French, Spanish and Portuguese, and initiatives are shown in the language they were written in, with any translations their authors added. Search covers all of them.
about-data-title = Open data
about-data-text = Everything published here is available as open data through a documented API, and can be exported as JSON Lines by anyone running Praxis.
about-api = The API description (OpenAPI)
about-search-api = Search as JSON
about-credits-title = Credits
about-credits-text = Population, coordinates and time zones of places come from
about-demo-text = The demonstration initiatives were written for Praxis: the cities and bodies are real, but the figures are illustrative.

## Catalogue
catalogue-title = Initiatives
catalogue-results-for = Initiatives matching “{ $query }”
catalogue-count = { $count ->
    [one] { $formatted } initiative
   *[other] { $formatted } initiatives
}
catalogue-empty = No initiative matches these words and filters. Try fewer filters or other words.
why-concepts = Matched across languages through the concept { $concepts }.
quoted = “{ $text }”
why-meaning = Matched across languages by meaning.
search-too-long = This search is too long: a search may be at most { $max } characters. Shorten it to the words that matter.
search-lexical-only = Cross-lingual meaning search is not available on this server right now: results match your words and the multilingual glossary.
sort-label = Sort by
sort-relevance = Best match
sort-newest = Newest first
sort-oldest = Oldest first
sort-title = Title (A–Z)
filters-title = Filters
filters-apply = Apply
filters-clear = Clear all filters
filters-active = Filters in use
filters-remove = Remove: { $filter }
filters-chip = { $facet }: { $value }
filters-skip = Skip to the results
filters-live = Results update as soon as you tick a box.
results-label = Results
facet-theme = Theme
facet-aim = Aim
facet-kind = Kind
facet-country = Country
facet-language = Written in
facet-level = Level of government
facet-year = Year started
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
pagination-page = page { $page } of { $pages }

## Initiative
breadcrumb-label = You are here
version-original = Original text
version-translation = Translation
version-read-original = Read the original
facts-title = At a glance
field-place = Place
field-country = Country
field-organisation = Organisation
field-level = Level of government
field-kind = Kind
field-themes = Themes
field-aims = Aims
field-started = Started
field-ended = Ended
field-partners = Partners
field-links = Links
field-language = Written in
initiative-json = This initiative as JSON
field-updated = Last updated
organisation-more = Its other initiatives
initiative-commitments-title = Commitments it carries out
initiative-commitments-intro = Governments that signed a call to action name this initiative as carrying out what they committed to.
initiative-events-title = Events that discussed it

## Places
places-title = Places
places-lead = Cities, metropolitan areas and regions that have published initiatives.
places-initiatives = Initiatives
place-population = Population
place-time-zone = Time zone
place-coordinates = Coordinates
place-source = Facts from GeoNames (CC BY 4.0).
place-no-facts = No facts about this place are known yet.
place-initiatives = { $count ->
    [one] One initiative
   *[other] { $formatted } initiatives
}
place-kind-city = City
place-kind-metropolitan-area = Metropolitan area
place-kind-region = Region
place-meta = { $place } ({ $country }): { $count } initiatives, the calls to action its governments signed, the events its people spoke at, and places like it.
place-region = World region
place-levels = Levels of government
place-themes = What it works on
place-signed-title = Calls to action it signed
place-signed-none = No government of this place has signed a call to action yet.
place-committed-to = Committed to:
place-events-title = Events its people spoke at
place-events-none = Nobody from this place has spoken at a live-learning event yet.
place-peers-title = Peers like this place
place-peers-intro = Places of a similar size, in the same region or taking on the same themes — a good start for asking "how did you do it?".
place-peers-none = No peer yet: other places need published initiatives first.
peers-why-themes = Also works on { $themes }
peers-why-size = Similar size ({ $population } inhabitants)
peers-why-region = Also in { $region }

## Dates
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Validation errors, by code
error-required = This field is required.
error-wrong_type = This value has the wrong type.
error-too_short = This is too short.
error-too_long = This is too long.
error-too_many = There are too many of these.
error-invalid_format = This is not in the expected format.
error-unknown_value = This is not one of the allowed values.
error-unknown_language = This language is not supported; use English, French, Spanish or Portuguese.
error-missing_original_language = Give this in the original language too.
error-duplicate = This value is listed twice.
error-invalid_date = Write the date as YYYY-MM-DD.
error-date_order = The end date is before the start date.
error-invalid_url = Give a web address starting with http:// or https://.
error-invalid_country = Choose a country.
glossary-title = Praxis urban-policy glossary
