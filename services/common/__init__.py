"""Small helpers shared by the bundled services: settings from the environment, logs."""
