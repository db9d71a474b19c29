/** An IMEI is 15 digits whose last is a Luhn check digit: catches a mistyped or transposed digit. */
export function isValidImei(text: string): boolean {
  if (!/^\d{15}$/.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    let digit = Number(text[14 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
