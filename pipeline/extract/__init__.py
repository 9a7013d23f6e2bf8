"""Extract stage: common facts of every document, then its type block (see ``stage``)."""
