-- Page furniture: how many of an outlet's articles hold each word linking compares. Words
-- most of an outlet's pages hold (menus, sign-in boxes, the station's name) tell none of
-- its stories apart and are left out of the text similarity of its articles.
CREATE TABLE incident_outlet_terms (
    outlet TEXT NOT NULL,
    term TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (outlet, term)
);
CREATE INDEX incident_outlet_terms_n ON incident_outlet_terms(outlet, n);
CREATE TABLE incident_outlets (
    outlet TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
);
