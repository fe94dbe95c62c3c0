"""Unit tests of print_assets.py: no MkDocs, no build."""



def test_qr_codes_made_in_a_second_process_equal_those_made_here(monkeypatch):
    from knowledge_base import print_assets
    urls = [(f"https://example.org/pl/go/guide-{i}/", "Kod QR") for i in range(5)]
    expected = {url: print_assets.qr_svg(url, label) for url, label in urls + [("https://example.org/other/", "QR")]}
    made_here = []
    make = print_assets.qr_svg
    monkeypatch.setattr(print_assets, "qr_svg", lambda url, label: made_here.append(url) or make(url, label))
    codes = print_assets.QrCodes([urls[:3], urls[3:]])
    try:
        got = {url: codes.get(url, label) for url, label in urls + [("https://example.org/other/", "QR")]}
    finally:
        codes.close()
    assert got == expected
    assert made_here == ["https://example.org/other/"]   # the batches came from the other process


def test_a_failing_qr_process_falls_back_to_making_codes_here(monkeypatch):
    from knowledge_base import print_assets
    def broken(batch):
        raise OSError("no second process here")
    monkeypatch.setattr(print_assets, "_made_elsewhere", broken)
    codes = print_assets.QrCodes([[("https://example.org/a/", "QR")]])
    assert codes.get("https://example.org/a/", "QR") == print_assets.qr_svg("https://example.org/a/", "QR")
    codes.close()
