// The Forecasting module; see ARCHITECTURE.md for its one job. Its types arrive with the issue that builds it.
