"""Provider adapters: each module keeps its vendor's vocabulary (payloads, signatures, reply
formats, error codes) to itself and speaks Stopline's canonical types outward."""
