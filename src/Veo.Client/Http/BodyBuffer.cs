using System;
using System.Buffers;

namespace Veo.Client;

/// <summary>
/// The JSON part of a request body, written in place by a Utf8JsonWriter; grows by doubling. Media values are not in
/// it: <see cref="StreamedJsonBody"/> encodes them from their files as the request is sent.
/// </summary>
internal sealed class BodyBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    public BodyBuffer(int capacity)
    {
        _buffer = new byte[Math.Max(capacity, 256)];
    }

    /// <summary>What has been written.</summary>
    public ArraySegment<byte> Written => new(_buffer, 0, _written);

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
