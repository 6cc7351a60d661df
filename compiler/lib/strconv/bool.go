package strconv

// ParseBool accepts "1", "t", "T", "true", "TRUE", "True" for true and "0", "f", "F",
// "false", "FALSE", "False" for false; anything else is a syntax error.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

// FormatBool returns "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false" to dst and returns the extended buffer.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}
