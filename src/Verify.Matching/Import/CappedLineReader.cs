using System.Text;

namespace Verify.Matching.Import;

/// <summary>
/// Reads lines (LF or CRLF) without ever holding more than a capped number of characters, so one huge
/// line cannot exhaust memory: an over-long line is skipped to its end and reported as too long.
/// </summary>
internal sealed class CappedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _length;
    private int _position;

    /// <summary>The next line, or null at the end; a line that was too long comes back as a marker that <see cref="IsTooLong"/> recognises.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return sawAny ? Finish(tooLong) : null;
                }
            }

            sawAny = true;
            var end = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var stop = end < 0 ? _length : end;
            if (!tooLong)
            {
                var take = Math.Min(stop - _position, maxLineLength + 1 - _line.Length);
                _line.Append(_buffer, _position, take);
                tooLong = _line.Length > maxLineLength;
            }

            _position = end < 0 ? _length : end + 1;
            if (end >= 0)
            {
                return Finish(tooLong);
            }
        }
    }

    /// <summary>Marks an over-long line; callers check <see cref="IsTooLong"/>.</summary>
    public static bool IsTooLong(string line) => ReferenceEquals(line, TooLongMarker);

    private static readonly string TooLongMarker = new('\0', 1);

    private string Finish(bool tooLong)
    {
        if (tooLong)
        {
            return TooLongMarker;
        }

        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return _line.ToString();
    }
}
