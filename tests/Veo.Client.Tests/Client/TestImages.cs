using System;
using System.IO;

namespace Veo.Client.Tests.Client;

/// <summary>Small image files made on the fly in a folder of the test's own.</summary>
public sealed class TestImages : IDisposable
{
    public static readonly byte[] PngHeader = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    public TestImages()
    {
        Folder = Directory.CreateTempSubdirectory("veo-test-").FullName;
    }

    public string Folder { get; }

    /// <summary>A file that starts like a PNG; its base64 is predictable for golden bodies.</summary>
    public string Png(string name = "a.png", byte fill = 1, int extra = 4) => Write(name, Concat(PngHeader, Filled(extra, fill)));

    public string Jpeg(string name = "a.jpg") => Write(name, new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 });

    public string Gif(string name = "a.gif") => Write(name, "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray());

    public string Empty(string name = "empty.png") => Write(name, Array.Empty<byte>());

    /// <summary>A PNG-headed file of the given size; sparse, so 25 MB costs nothing.</summary>
    public string Large(long bytes, string name = "large.png")
    {
        string path = Path.Combine(Folder, name);
        using var file = new FileStream(path, FileMode.Create);
        file.Write(PngHeader);
        file.SetLength(bytes);
        return path;
    }

    public string Missing(string name = "missing.png") => Path.Combine(Folder, name);

    public static string Base64Of(string path) => Convert.ToBase64String(File.ReadAllBytes(path));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Filled(int count, byte value)
    {
        byte[] bytes = new byte[count];
        Array.Fill(bytes, value);
        return bytes;
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
