/**
 * An e-mail address that may wrap only after its "@" and before a dot: "ana.ruiz@" /
 * "northwind" / ".example", never "northwind.exampl" / "e", nor at a hyphen. The pieces are
 * unbreakable spans (.email-part) with <wbr> between them, which adds no text: the address
 * reads and copies as written.
 */
export function emailText(email: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  emailParts(email).forEach((part, index) => {
    if (index > 0) fragment.append(document.createElement('wbr'));
    const piece = document.createElement('span');
    piece.className = 'email-part';
    piece.textContent = part;
    fragment.append(piece);
  });
  return fragment;
}

/** The pieces between the break points: "ana.ruiz@x.example" -> ["ana", ".ruiz@", "x", ".example"]. */
export function emailParts(email: string): string[] {
  return email.split(/(?<=@)|(?=\.)/).filter((part) => part !== '');
}
