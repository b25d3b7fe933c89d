using System;

namespace Veo.Client.Tests.Client;

public sealed class ImageInputTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    private static VeoException Refused(string path) => Assert.ThrowsAny<VeoException>(() => ImageInput.FromFile(path).Load());

    [Fact]
    public void AMissingFileIsNotFound()
    {
        VeoException error = Refused(_images.Missing());
        Assert.Equal(VeoErrorIds.ImageNotFound, error.ErrorId);
        Assert.Equal(VeoErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void AnEmptyFileIsRefused() => Assert.Equal(VeoErrorIds.ImageEmpty, Refused(_images.Empty()).ErrorId);

    [Fact]
    public void AGifIsRefusedByContentWhateverItsName()
    {
        VeoException error = Refused(_images.Gif("disguised.png"));
        Assert.Equal(VeoErrorIds.ImageFormatNotSupported, error.ErrorId);
        Assert.Contains("GIF", error.Message);
    }

    [Fact]
    public void A25MegabytePngIsRefused()
    {
        VeoException error = Refused(_images.Large(25L * 1024 * 1024));
        Assert.Equal(VeoErrorIds.ImageTooLarge, error.ErrorId);
        Assert.Contains("20 MB", error.Message);
    }

    [Fact]
    public void A20MegabytePngIsAccepted() =>
        Assert.Equal("image/png", ImageInput.FromFile(_images.Large(ImageInput.MaxBytes)).Load().MimeType);

    [Fact]
    public void JpegAndPngAreRecognisedByContent()
    {
        Assert.Equal("image/jpeg", ImageInput.FromFile(_images.Jpeg("photo.png")).Load().MimeType);
        Assert.Equal("image/png", ImageInput.FromFile(_images.Png("picture.jpg")).Load().MimeType);
    }

    [Theory]
    [InlineData("https://example.com/a.png", true)]
    [InlineData("http://example.com/a.png", true)]
    [InlineData("ftp://example.com/a.png", false)]
    [InlineData("./a.png", false)]
    [InlineData("C:\\images\\a.png", false)]
    public void OnlyHttpUrlsPassThrough(string value, bool isUrl) => Assert.Equal(isUrl, ImageInput.IsHttpUrl(value, out _));
}
