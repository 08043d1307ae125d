"""Local fakes of the providers' REST APIs, following their documented request and response
shapes, served over real HTTP on loopback (tests, development, ``--provider-url``)."""
