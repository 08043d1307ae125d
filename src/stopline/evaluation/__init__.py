"""Evaluation of the language engine on the labelled corpus shipped with Stopline, beside
the keyword rules providers document (see `baselines`)."""
