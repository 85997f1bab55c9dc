//! StarCheck's scoring core: the rubric as data, a community's assessment,
//! and the scores, gates, tiers and money that follow from them.
