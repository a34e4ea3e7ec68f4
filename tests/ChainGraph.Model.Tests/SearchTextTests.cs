using ChainGraph.Model.Search;

namespace ChainGraph.Model.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("鋰電池", "锂电池")]
    [InlineData("寧德時代", "宁德时代")]
    [InlineData("ＣＡＴＬ　１２３", "catl 123")]
    [InlineData("车规级MCU", "车规级mcu")]
    [InlineData("锂电池", "锂电池")]
    public void Fold_MakesFullWidthHalfWidthTraditionalSimplifiedAndCaseEqual(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));
}
