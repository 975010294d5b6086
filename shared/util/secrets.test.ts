import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets, SECRET_MASK } from './secrets';

const pem = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('findSecrets / maskSecrets: positive cases', () => {
  it.each([
    ['password=Passw0rd!', 'password=' + SECRET_MASK],
    ['登录信息 pwd: root123 请勿外传', '登录信息 pwd: ' + SECRET_MASK + ' 请勿外传'],
    ['管理员密码：Admin@2026，已告知', '管理员密码：' + SECRET_MASK + '，已告知'],
    ['PASSWORD = "s3cr3t value"', 'PASSWORD = "' + SECRET_MASK + '"'],
    ['Server=db1;Database=core;User Id=sa;Password=Xy9#kk;', 'Server=db1;Database=core;User Id=sa;Password=' + SECRET_MASK + ';'],
    ['mysql://app:S3cret@10.1.2.3:3306/core', 'mysql://app:' + SECRET_MASK + '@10.1.2.3:3306/core'],
    ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', 'Authorization: Bearer ' + SECRET_MASK],
    ['api_key=9f8e7d6c5b4a3210', 'api_key=' + SECRET_MASK],
    ['key id AKIAIOSFODNN7EXAMPLE found', 'key id ' + SECRET_MASK + ' found'],
  ])('%s', (text, masked) => {
    expect(findSecrets(text).length).toBeGreaterThan(0);
    expect(maskSecrets(text)).toBe(masked);
  });

  it('masks the body of a private key block and keeps its header lines', () => {
    const text = `key below\n${pem}\nend`;
    const masked = maskSecrets(text);
    expect(findSecrets(text)).toHaveLength(1);
    expect(findSecrets(text)[0].kind).toBe('private-key');
    expect(masked).toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect(masked).toContain('-----END RSA PRIVATE KEY-----');
    expect(masked).not.toContain('MIIEowIBAAKCAQEA');
    expect(masked).toContain(SECRET_MASK);
  });

  it('masks every secret of a text, and masking twice changes nothing more', () => {
    const text = 'pwd: aaa111 and password=bbb222 via ftp://u:ccc333@h';
    const once = maskSecrets(text);
    expect(once).not.toMatch(/aaa111|bbb222|ccc333/);
    expect(findSecrets(once)).toEqual([]);
    expect(maskSecrets(once)).toBe(once);
  });
});

describe('findSecrets: negative cases', () => {
  it.each([
    'the password expired yesterday; user reset it',
    '重置密码后用户登录正常',
    '密码：已通知用户自行修改',
    'password: ******',
    'see https://kb.example.com/path?id=3 for details',
    'ssh admin@10.0.0.1 then check token bucket size',
    'passed: 12 of 12 checks',
    'Bearer token was missing from the request',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    'token: expired',
  ])('%s', (text) => {
    expect(findSecrets(text)).toEqual([]);
    expect(maskSecrets(text)).toBe(text);
  });
});
