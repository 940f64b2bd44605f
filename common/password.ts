// The password rule, shared so the web form tells the user the same thing the server enforces.
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

/** Returns the Chinese problems with a password, empty when it is acceptable. */
export function passwordProblems(
  password: string,
  username: string,
  policy = DEFAULT_PASSWORD_POLICY,
): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码至少${policy.minLength}位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少${policy.minClasses}类`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  return problems;
}
