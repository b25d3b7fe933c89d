using System;
using System.Buffers;

namespace Veo.Client;

/// <summary>
/// A request body that a Utf8JsonWriter writes in place: one array, sized up front from the media it will carry, so a
/// 20 MB image's base64 text is written once and never copied to grow. If the estimate is short it grows by doubling.
/// </summary>
internal sealed class BodyBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    public BodyBuffer(long capacity)
    {
        _buffer = new byte[(int)Math.Min(int.MaxValue - 64, Math.Max(capacity, 256))];
    }

    /// <summary>What has been written: the body to send.</summary>
    public ArraySegment<byte> Written => new(_buffer, 0, _written);

    /// <summary>The length of the base64 text of <paramref name="bytes"/> bytes.</summary>
    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < needed)
        {
            Array.Resize(ref _buffer, (int)Math.Min(int.MaxValue - 64, Math.Max(2L * _buffer.Length, (long)_written + needed)));
        }
    }
}
