using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Simulator.Hosting;

/// <summary>
/// A video of any size made up on the fly, so the simulator can serve gigabytes without holding them: the sample's
/// <c>ftyp</c> box, then one <c>mdat</c> box filling the rest with bytes derived from a tag (each link gets its own).
/// Seekable, so the framework answers Range requests from it; reading holds one 64 KiB pattern, whatever the size.
/// </summary>
internal sealed class GeneratedVideoStream : Stream
{
    /// <summary>The smallest size worth generating: the ftyp box and a 64-bit mdat header, with room to spare.</summary>
    public const long MinimumLength = 64;

    private const int BlockSize = 1 << 16;

    private readonly byte[] _header;
    private readonly byte[] _pattern;
    private readonly ulong _seed;
    private long _position;

    /// <param name="ftyp">The leading box, copied as it is.</param>
    /// <param name="length">The whole size in bytes, at least <see cref="MinimumLength"/>.</param>
    /// <param name="tag">Names the video; equal tags give equal bytes.</param>
    public GeneratedVideoStream(ReadOnlySpan<byte> ftyp, long length, string tag)
    {
        if (length < MinimumLength || ftyp.Length + 16 > length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"A generated video needs at least {MinimumLength} bytes.");
        }

        Length = length;
        long mdatSize = length - ftyp.Length;
        bool large = mdatSize > uint.MaxValue;
        _header = new byte[ftyp.Length + (large ? 16 : 8)];
        ftyp.CopyTo(_header);
        Span<byte> mdat = _header.AsSpan(ftyp.Length);
        BinaryPrimitives.WriteUInt32BigEndian(mdat, large ? 1u : (uint)mdatSize);
        Encoding.ASCII.GetBytes("mdat", mdat[4..]);
        if (large)
        {
            BinaryPrimitives.WriteUInt64BigEndian(mdat[8..], (ulong)mdatSize);
        }

        _seed = Fnv1a(tag);
        _pattern = new byte[BlockSize];
        ulong state = _seed;
        for (int i = 0; i < BlockSize; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_pattern.AsSpan(i), SplitMix64(ref state));
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>
    /// Payload block k is the pattern with k (mixed with the seed) in its first 8 bytes, so any byte can be
    /// computed from its offset alone.
    /// </summary>
    public override int Read(Span<byte> buffer)
    {
        int total = (int)Math.Min(buffer.Length, Math.Max(0, Length - _position));
        Span<byte> output = buffer[..total];
        Span<byte> marker = stackalloc byte[sizeof(ulong)];
        while (!output.IsEmpty)
        {
            int copied;
            if (_position < _header.Length)
            {
                ReadOnlySpan<byte> header = _header.AsSpan((int)_position);
                copied = Math.Min(header.Length, output.Length);
                header[..copied].CopyTo(output);
            }
            else
            {
                long payload = _position - _header.Length;
                long block = payload / BlockSize;
                int within = (int)(payload % BlockSize);
                copied = Math.Min(BlockSize - within, output.Length);
                _pattern.AsSpan(within, copied).CopyTo(output);
                if (within < sizeof(ulong))
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(marker, (ulong)block ^ _seed);
                    int overlap = Math.Min(sizeof(ulong) - within, copied);
                    marker.Slice(within, overlap).CopyTo(output);
                }
            }

            _position += copied;
            output = output[copied..];
        }

        return total;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new ValueTask<int>(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
