from integrity_flows.testing.bdd import features; features("../features")  # noqa: E702, I001  # fmt: skip
