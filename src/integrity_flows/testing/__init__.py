"""Test support shipped with the package, opt-in: nothing here is imported by ``integrity_flows``.

- :mod:`integrity_flows.testing.store_contract` - the contract every store must pass
  (imports pytest; subclass ``StoreContract`` and provide a ``store`` fixture).
- :mod:`integrity_flows.testing.steps` - the Gherkin steps, Thai and English (imports
  pytest and pytest-bdd); :mod:`integrity_flows.testing.bdd` runs a folder of feature files
  from a one-line test module; :mod:`integrity_flows.testing.world` is the scenario state
  the steps drive (no pytest).
- :mod:`integrity_flows.testing.lint` - ``check_features(path)``: feature files that would
  pass without testing anything (the Thai keyword trap, empty scenarios, no plan tag).
"""
