"""Writes to offers, one module per concern.

- `offers`: an offer's life cycle (create, submit, publish, renew, expire, ...)
  and the state of its translations;
- `edits`: a firm's member editing its offers (proposed while published, in
  place otherwise) and renewing them;
- `interest`: expressions of interest, from a partner's form to the firm;
- `alerts`: saved-search alerts, from the partner's request to the digests.

An offer's services (and its edits') are also this package's own names, so that callers write
`services.offer_publish(offer=offer, by=user)`.
"""

from offers.services.edits import *  # noqa: F403 (every public name of the edits)
from offers.services.offers import *  # noqa: F403 (every public name of the offer services)
