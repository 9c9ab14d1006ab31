package corpus

//go:generate go run ./internal/samplepack/gen
